package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.DeclOrder;
import org.junit.jupiter.api.Test;

class DeclOrderTest {
    private static List<String> order(String body) {
        return DeclOrder.of(Specs.ok(body)).stream().map(Decl::name).toList();
    }

    @Test
    void aStructUsedByValueComesFirstAndSourceOrderIsKeptOtherwise() {
        assertEquals(List.of("b", "a", "c"), order("struct a { struct b x; }; struct b { int y; }; struct c { int z; };"));
    }

    @Test
    void aTypedefNameBehindAPointerComesFirstButATypedefOfAStructMayPrecedeIt() {
        assertEquals(List.of("n_t", "id_t", "n"),
                order("typedef struct n n_t; struct n { n_t *next; id_t id; }; typedef int id_t;"));
        assertEquals(List.of("id_t", "h"), order("struct h { id_t *p; }; typedef int id_t;"));
    }
}
