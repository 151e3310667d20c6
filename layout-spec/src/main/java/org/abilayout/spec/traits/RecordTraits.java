package org.abilayout.spec.traits;

import java.util.List;

/**
 * What the versioning annotations say about a struct or union.
 *
 * @param version {@code @version(N)}: its current layout version (1 if absent)
 * @param size {@code @size(...)}: the size it must have, per target
 * @param padTo {@code @pad_to(...)}: trailing reserved bytes fill it up to this size, per target
 * @param extensible {@code @extensible}: the library always allocates it, so later versions may
 *     grow it at the tail
 * @param acknowledgements {@code @accept(...)}: reported changes the maintainer accepted
 */
public record RecordTraits(int version, PerTarget size, PerTarget padTo, boolean extensible,
        List<Acknowledgement> acknowledgements) {

    public static final RecordTraits NONE = new RecordTraits(1, PerTarget.NONE, PerTarget.NONE, false, List.of());

    public RecordTraits {
        acknowledgements = List.copyOf(acknowledgements);
    }
}
