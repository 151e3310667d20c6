package org.abilayout.mutex;

/**
 * Where the parts of a region go, in bytes from its start: the header ({@code struct
 * shared_region}) at 0, mutex {@code i} at {@link #mutexOffset(int)}, condition {@code i} at
 * {@link #conditionOffset(int)}, the user data at {@link #dataOffset()}; {@link #byteSize()} is the
 * region's length. Every part starts on a boundary of its own alignment ({@link
 * SharedMutex#byteAlignment()}, {@link SharedCondition#byteAlignment()}, and at least the asked
 * data alignment), computed from the sizes and alignments the generated layouts give for this host;
 * those are the same on every target, so the numbers are too. The C twin is
 * {@code shared_region_layout}, which gives the same numbers.
 *
 * @param mutexes how many mutexes
 * @param conditions how many conditions
 * @param dataSize bytes of user data
 * @param firstMutex offset of mutex 0
 * @param firstCondition offset of condition 0
 * @param dataOffset offset of the user data
 * @param byteSize the whole region
 */
public record RegionLayout(int mutexes, int conditions, long dataSize, long firstMutex, long firstCondition,
        long dataOffset, long byteSize) {
    /** The largest data alignment a region offers: a page. */
    public static final long MAX_DATA_ALIGNMENT = 4096;

    /**
     * Lays out a region of {@code mutexes} mutexes, {@code conditions} conditions and
     * {@code dataSize} bytes of user data aligned to {@code dataAlignment} (a power of two up to
     * {@value #MAX_DATA_ALIGNMENT}; the data starts on a boundary of at least 64 either way).
     *
     * @throws IllegalArgumentException for negative counts or sizes, or a bad alignment
     */
    public static RegionLayout of(int mutexes, int conditions, long dataSize, long dataAlignment) {
        if (mutexes < 0 || conditions < 0 || dataSize < 0 || dataSize > 1L << 62) {
            throw new IllegalArgumentException("counts and sizes must be non-negative (and data at most 2^62 bytes)");
        }
        if (dataAlignment <= 0 || Long.bitCount(dataAlignment) != 1 || dataAlignment > MAX_DATA_ALIGNMENT) {
            throw new IllegalArgumentException("data alignment " + dataAlignment + " is not a power of two up to "
                    + MAX_DATA_ALIGNMENT);
        }
        long header = org.abilayout.mutex.abi.SharedRegion.Host.byteSize();
        long firstMutex = alignUp(header, SharedMutex.byteAlignment());
        long firstCondition = alignUp(firstMutex + mutexes * SharedMutex.byteSize(), SharedCondition.byteAlignment());
        long dataOffset = alignUp(firstCondition + conditions * SharedCondition.byteSize(),
                Math.max(dataAlignment, SharedMutex.byteAlignment()));
        return new RegionLayout(mutexes, conditions, dataSize, firstMutex, firstCondition, dataOffset, dataOffset + dataSize);
    }

    /** The offset of mutex {@code i}. */
    public long mutexOffset(int i) {
        if (i < 0 || i >= mutexes) throw new IndexOutOfBoundsException("mutex " + i + " of " + mutexes);
        return firstMutex + i * SharedMutex.byteSize();
    }

    /** The offset of condition {@code i}. */
    public long conditionOffset(int i) {
        if (i < 0 || i >= conditions) throw new IndexOutOfBoundsException("condition " + i + " of " + conditions);
        return firstCondition + i * SharedCondition.byteSize();
    }

    private static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }
}
