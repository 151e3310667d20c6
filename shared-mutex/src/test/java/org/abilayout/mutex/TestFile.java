package org.abilayout.mutex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file the cross-process tests share, mapped. Its regions are also spelled out in
 * src/test/c/mutex_tool.c: the mutex, two conditions, then test data (a counter and a ring buffer
 * of {@link #RING} items with monotonic head and tail counts).
 */
final class TestFile implements AutoCloseable {
    static final long SIZE = 4096;
    static final long MUTEX = 0;
    static final long NOT_EMPTY = 64;
    static final long NOT_FULL = 128;
    static final long COUNTER = 256;
    static final long HEAD = 264;
    static final long TAIL = 272;
    static final long RING_AT = 320;
    static final int RING = 16;

    final Path path;
    final MemorySegment segment;
    private final Arena arena;

    private TestFile(Path path, Arena arena, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
    }

    /** A new zero-filled file in the build directory. */
    static Path create(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("shared.mutex.build", "target"), "shm"));
            Path p = Files.createTempFile(dir, name, ".shm");
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.allocate((int) SIZE));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestFile map(Path path) {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new TestFile(path, arena, ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena));
        } catch (IOException e) {
            arena.close();
            throw new UncheckedIOException(e);
        }
    }

    /** A new file with a fresh mutex and both conditions. */
    static TestFile initialized(String name) {
        TestFile f = map(create(name));
        SharedMutex.initialize(f.segment.asSlice(MUTEX));
        SharedCondition.initialize(f.segment.asSlice(NOT_EMPTY));
        SharedCondition.initialize(f.segment.asSlice(NOT_FULL));
        return f;
    }

    SharedMutex mutex() {
        return SharedMutex.attach(segment.asSlice(MUTEX));
    }

    SharedCondition notEmpty() {
        return SharedCondition.attach(segment.asSlice(NOT_EMPTY));
    }

    SharedCondition notFull() {
        return SharedCondition.attach(segment.asSlice(NOT_FULL));
    }

    long getLong(long offset) {
        return segment.get(ValueLayout.JAVA_LONG, offset);
    }

    void setLong(long offset, long value) {
        segment.set(ValueLayout.JAVA_LONG, offset, value);
    }

    @Override
    public void close() {
        arena.close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the build directory is cleaned anyway
        }
    }
}
