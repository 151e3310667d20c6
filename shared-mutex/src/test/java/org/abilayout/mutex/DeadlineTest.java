package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** A timed condition wait is bounded as a whole: a deadline that passes during the relock ends it. */
class DeadlineTest {

    @ParameterizedTest(name = "a {0} waiter")
    @ValueSource(strings = {"C", "Java"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeadlineThatExpiresDuringTheRelockEndsTheWaitWithoutTheMutex(String kind) throws Exception {
        try (TestFile f = TestFile.initialized("relock")) {
            Process waiter = kind.equals("C") ? Processes.c("wait-relock", f.path.toString(), "3000")
                    : Processes.java("wait-relock", f.path.toString(), "3000");
            Lines out = new Lines(waiter);
            out.await("WAITING", 30, kind + " waiter");
            // this lock succeeds once the waiter sleeps in the wait (which released the mutex); the
            // signal wakes it, and its relock then waits for us past its deadline. We let go only
            // after it has ended: an unbounded relock would hang here until the test's timeout
            try (Guard g = f.mutex().lock()) {
                f.notEmpty().signal();
                String result = out.rest(30, kind + " waiter").strip();
                assertEquals(kind.equals("C") ? "ENOLCK not-held" : "ENOLCK not-held", result);
                assertTrue(g.isHeld());
            }
        }
    }
}
