package org.abilayout.mutex;

import static org.abilayout.mutex.abi.Constants.SHARED_REGION_MAGIC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.abilayout.mutex.abi.SharedRegion.Host;

/**
 * A file or shared-memory object holding mutexes, conditions and user data ({@code struct
 * shared_region}, then the parts where {@link RegionLayout} puts them), made by
 * {@link #createOrAttach}: any number of processes, Java and C ({@code shared_region_open}), may
 * call it at once on the same file. Exactly one initialises; the others wait for it, bounded, and
 * check what it made as attach does. A creator that dies half-way leaves the region to the next
 * caller, who initialises it again; a half-initialised region is never used.
 *
 * <p>How: the header's {@code init_lock} is a mutex that works on the zero bytes of a new file.
 * A caller that finds no magic locks it; the holder, finding still no magic, zeroes the region,
 * initialises every part, runs the data initialiser and publishes the magic last. A creator's
 * death makes its {@code init_lock} owner-died for the next caller, which starts afresh. A region
 * is never shrunk: it grows by writing its last byte.
 *
 * <p>Closing unmaps it (the file stays: delete it when no process needs it).
 */
public final class SharedRegion implements AutoCloseable {
    private static final long HEADER = Host.byteSize();
    private static final long INIT_LOCK = Host.layout().byteOffset(PathElement.groupElement("init_lock"));
    private static final Instance INSTANCE = new Instance("shared_region", HEADER, Host.layout().byteAlignment(),
            org.abilayout.mutex.abi.SharedRegion.CURRENT_VERSION, SHARED_REGION_MAGIC, Host::magic_getVolatile,
            Host::layout_version, Host::flags, Host::magic_setRelease, Host::layout_version);
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Arena arena;
    private final MemorySegment region;
    private final RegionLayout layout;
    private final boolean created;

    private SharedRegion(Arena arena, MemorySegment region, RegionLayout layout, boolean created) {
        this.arena = arena;
        this.region = region;
        this.layout = layout;
        this.created = created;
    }

    /** The file {@code shm_open(name)} uses on Linux: {@code /dev/shm/NAME} (name without its leading '/'). */
    public static Path sharedMemory(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        if (bare.isEmpty() || bare.contains("/")) throw new IllegalArgumentException("not a shared-memory name: " + name);
        return Path.of("/dev/shm", bare);
    }

    /** As {@link #createOrAttach(Path, RegionLayout, Duration, Consumer)}, leaving the data zero. */
    public static SharedRegion createOrAttach(Path file, RegionLayout layout, Duration timeout) {
        return createOrAttach(file, layout, timeout, data -> { });
    }

    /**
     * Creates or attaches the region in {@code file} (created {@code rw-------} if missing).
     *
     * @param timeout how long to wait for another process that is initialising it
     * @param initData fills the (zeroed) user data of a region this call creates; runs in exactly
     *     one process. If it throws, the region stays uninitialised for the next caller, and the
     *     exception propagates.
     * @throws DeadlineExceededException when another live process is still initialising it
     * @throws IncompatibleLayoutException when the file holds something else, or a region of
     *     another layout, or one a newer library initialised
     * @throws UnsupportedPidNamespaceException when the region belongs to another pid namespace
     * @throws UncheckedIOException when the file cannot be opened, grown or mapped
     */
    public static SharedRegion createOrAttach(Path file, RegionLayout layout, Duration timeout,
            Consumer<MemorySegment> initData) {
        Deadline deadline = Deadline.after(timeout);
        Arena arena = Arena.ofShared();
        boolean done = false;
        try (FileChannel ch = open(file)) {
            // the header must exist to be locked; its last byte is a reserved byte of init_lock, zero for ever
            if (ch.size() < HEADER) ch.write(ByteBuffer.allocate(1), HEADER - 1);
            MemorySegment header = ch.map(FileChannel.MapMode.READ_WRITE, 0, HEADER, arena);
            LowLevelMutex initLock = LowLevelMutex.initLock(header.asSlice(INIT_LOCK));
            while (true) {
                if (Host.magic_getVolatile(header) != 0) {
                    SharedRegion r = attach(ch, arena, header, layout);
                    done = true;
                    return r;
                }
                LockResult got = initLock.acquire(deadline);
                if (got == LockResult.NOT_ACQUIRED) {
                    throw new DeadlineExceededException("process " + initLock.ownerPid() + " is still initialising the region "
                            + file + " (waited " + timeout + ")");
                }
                // OWNER_DIED: a creator died holding it; whatever it left is written anew
                try {
                    if (Host.magic_getVolatile(header) == 0) {
                        SharedRegion r = initialise(ch, arena, header, layout, initData);
                        done = true;
                        return r;
                    }
                } finally {
                    initLock.releaseInitLock();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the region " + file, e);
        } finally {
            if (!done) arena.close();
        }
    }

    /** Whether this call initialised the region. */
    public boolean created() {
        return created;
    }

    public RegionLayout layout() {
        return layout;
    }

    /** The whole mapping, header included. */
    public MemorySegment segment() {
        return region;
    }

    /** Mutex {@code i}. */
    public SharedMutex mutex(int i) {
        return SharedMutex.attach(region.asSlice(layout.mutexOffset(i)));
    }

    /** Condition {@code i}. */
    public SharedCondition condition(int i) {
        return SharedCondition.attach(region.asSlice(layout.conditionOffset(i)));
    }

    /** The user data: {@link RegionLayout#dataSize()} bytes. */
    public MemorySegment data() {
        return region.asSlice(layout.dataOffset(), layout.dataSize());
    }

    /** Unmaps the region; the views it gave must not be used afterwards. */
    @Override
    public void close() {
        arena.close();
    }

    private static FileChannel open(Path file) throws IOException {
        var options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? FileChannel.open(file, options, OWNER_ONLY) : FileChannel.open(file, options);
    }

    private static SharedRegion attach(FileChannel ch, Arena arena, MemorySegment header, RegionLayout layout)
            throws IOException {
        INSTANCE.check(header);
        LowLevelMutex.checkNamespace("struct shared_region", Host.pid_ns(header));
        RegionLayout found = new RegionLayout(Host.mutex_count(header), Host.cond_count(header), Host.data_size(header),
                Integer.toUnsignedLong(Host.mutex_offset(header)), Integer.toUnsignedLong(Host.cond_offset(header)),
                Host.data_offset(header), Host.data_offset(header) + Host.data_size(header));
        if (!found.equals(layout) || ch.size() < layout.byteSize()) {
            throw new IncompatibleLayoutException("the region holds " + found + " in " + ch.size() + " bytes; asked for " + layout);
        }
        MemorySegment region = ch.map(FileChannel.MapMode.READ_WRITE, 0, layout.byteSize(), arena);
        SharedRegion r = new SharedRegion(arena, region, layout, false);
        for (int i = 0; i < layout.mutexes(); i++) r.mutex(i);
        for (int i = 0; i < layout.conditions(); i++) r.condition(i);
        return r;
    }

    /** Holding init_lock, with no magic: makes the whole region anew, then publishes the header. */
    private static SharedRegion initialise(FileChannel ch, Arena arena, MemorySegment header, RegionLayout layout,
            Consumer<MemorySegment> initData) throws IOException {
        // grow by writing the last byte: never shrinks, and before the magic nobody uses these bytes
        if (ch.size() < layout.byteSize()) ch.write(ByteBuffer.allocate(1), layout.byteSize() - 1);
        MemorySegment region = ch.map(FileChannel.MapMode.READ_WRITE, 0, layout.byteSize(), arena);
        // everything but the lock we hold: the header's fields, then the parts and the data
        region.asSlice(0, INIT_LOCK).fill((byte) 0);
        region.asSlice(HEADER).fill((byte) 0);
        for (int i = 0; i < layout.mutexes(); i++) SharedMutex.initialize(region.asSlice(layout.mutexOffset(i)));
        for (int i = 0; i < layout.conditions(); i++) SharedCondition.initialize(region.asSlice(layout.conditionOffset(i)));
        SharedRegion r = new SharedRegion(arena, region, layout, true);
        initData.accept(r.data());
        Host.layout_version(header, org.abilayout.mutex.abi.SharedRegion.CURRENT_VERSION);
        Host.pid_ns(header, LowLevelMutex.pidNamespace());
        Host.mutex_count(header, layout.mutexes());
        Host.cond_count(header, layout.conditions());
        Host.mutex_offset(header, (int) layout.firstMutex());
        Host.cond_offset(header, (int) layout.firstCondition());
        Host.data_offset(header, layout.dataOffset());
        Host.data_size(header, layout.dataSize());
        Host.magic_setRelease(header, SHARED_REGION_MAGIC);
        return r;
    }
}
