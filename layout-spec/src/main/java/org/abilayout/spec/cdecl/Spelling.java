package org.abilayout.spec.cdecl;

import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.RecordRef;

/**
 * How a use of {@link DeclaratorWriter} spells the names inside a declaration: the policy that
 * differs between the places C is written (the spec's own spelling for reports, messages and
 * the lock; typedefs expanded for comparing types; the generated header's portable macros).
 * The shape of the declarator (stars, brackets, parentheses, where qualifiers go) is the
 * writer's alone.
 */
public interface Spelling {
    /** As the spec language writes types: {@code _Bool}, {@code _Atomic}, typedef names kept. */
    Spelling SPEC = new Spelling() {};

    /**
     * As {@link #SPEC} with every typedef replaced by what it names and no parameter names, so
     * two spellings of one type are equal strings: what the lock's {@code canonical} field holds.
     */
    Spelling CANONICAL = new Spelling() {
        @Override
        public boolean expandTypedefs() {
            return true;
        }

        @Override
        public boolean parameterNames() {
            return false;
        }
    };

    /** An arithmetic type's name. */
    default String scalar(Scalar s) {
        return s.spelling();
    }

    /** The {@code _Atomic} qualifier's spelling (a header uses a macro that C++ understands). */
    default String atomic() {
        return "_Atomic";
    }

    /** Whether the parameters of function types keep their names (they are not part of the type). */
    default boolean parameterNames() {
        return true;
    }

    /** Whether typedef names are replaced by the types they name. */
    default boolean expandTypedefs() {
        return false;
    }

    /** A struct or union: {@code struct node}; an anonymous one {@code struct {...}}. */
    default String record(RecordRef ref) {
        return ref.isAnonymous() ? ref.kind().keyword() + " {...}" : ref.toString();
    }

    /** An enum type: {@code enum flags}. */
    default String enumType(CType.EnumType e) {
        return "enum " + e.tag();
    }

    /** A typedef name (when typedefs are not expanded). */
    default String typedefName(CType.TypedefType t) {
        return t.name();
    }
}
