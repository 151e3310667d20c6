package org.abilayout.codegen.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * A JSON value, built in memory and written by {@link JsonWriter}. Objects keep their keys in
 * insertion order, so the same value always prints as the same bytes. Numbers are integers only:
 * everything abilayout reports (sizes, offsets, versions) is one.
 */
public sealed interface Json {

    /** A JSON string; any Java string, escaped on output. */
    record Str(String value) implements Json {
        public Str {
            Objects.requireNonNull(value);
        }
    }

    /** A JSON number (an integer). */
    record Num(long value) implements Json {}

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {}

    /** {@code null}. */
    enum Null implements Json { NULL }

    /** A JSON array. */
    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A JSON object whose members print in the order they were added. */
    record Obj(SequencedMap<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(members));
            members.forEach((k, v) -> Objects.requireNonNull(v, k));
        }
    }

    static Json of(String value) {
        return new Str(value);
    }

    static Json of(long value) {
        return new Num(value);
    }

    static Json of(boolean value) {
        return new Bool(value);
    }

    static Json array(List<? extends Json> items) {
        return new Arr(List.copyOf(items));
    }

    /** Starts an object; keys print in the order of {@link ObjectBuilder#put} calls. */
    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** Builds an {@link Obj}; a key may be put once. */
    final class ObjectBuilder {
        private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

        private ObjectBuilder() {}

        public ObjectBuilder put(String key, Json value) {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value, key);
            if (members.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("duplicate JSON key " + key);
            }
            return this;
        }

        public ObjectBuilder put(String key, String value) {
            return put(key, Json.of(value));
        }

        public ObjectBuilder put(String key, long value) {
            return put(key, Json.of(value));
        }

        public ObjectBuilder put(String key, boolean value) {
            return put(key, Json.of(value));
        }

        public Obj build() {
            return new Obj(members);
        }
    }
}
