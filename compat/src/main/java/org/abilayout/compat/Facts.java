package org.abilayout.compat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The facts of a spec that an ABI consists of: for each struct and union, each version, each
 * target, where every member sits. Built from a spec ({@link FactsBuilder}) or read from a lock
 * file ({@link LockFile}); the checker compares two of these and nothing else, so a lock and a
 * spec compare the same way as two specs.
 */
public final class Facts {
    private Facts() {}

    /**
     * One member as {@code offsetof} sees it in one version on one target.
     *
     * @param type its type: spellings and the structure the checker compares
     * @param reserved {@code @reserved}, a member of a later version seen from an earlier one, or
     *     {@code @pad_to} filler: bytes readers ignore and later versions may take
     * @param since the version that added it
     * @param condition the {@code @if} predicate, or empty
     */
    public record Field(String name, long offset, long size, long align, TypeFacts type, boolean reserved,
            boolean versionField, int since, String condition) {
        public long end() {
            return offset + size;
        }
    }

    /** A struct's layout in one version on one target. */
    public record Layout(long size, long align, List<Field> fields) {
        public Layout {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> !f.reserved() && f.name().equals(name)).findFirst();
        }
    }

    /**
     * A struct or union with every version's layouts.
     *
     * @param versions version → target name → layout
     */
    public record Type(String name, String kind, int version, boolean extensible,
            SortedMap<Integer, SortedMap<String, Layout>> versions) {}

    /** An enum with its values in declaration order. */
    public record Enum(String name, String underlying, Map<String, Long> values) {}

    public record Const(String name, String type, long value) {}

    /** Everything of one spec (or one lock). */
    public record Spec(String packageName, List<Type> types, List<Enum> enums, List<Const> consts) {
        public Spec {
            types = List.copyOf(types);
            enums = List.copyOf(enums);
            consts = List.copyOf(consts);
        }

        public Optional<Type> type(String name) {
            return types.stream().filter(t -> t.name().equals(name)).findFirst();
        }

        public Optional<Enum> enumType(String name) {
            return enums.stream().filter(t -> t.name().equals(name)).findFirst();
        }

        public Optional<Const> constant(String name) {
            return consts.stream().filter(t -> t.name().equals(name)).findFirst();
        }
    }
}
