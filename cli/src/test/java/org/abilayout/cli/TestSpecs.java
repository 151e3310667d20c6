package org.abilayout.cli;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.RecordTraits;

/** Specs built by hand, standing in for the parser. */
final class TestSpecs {
    private TestSpecs() {}

    /**
     * <pre>
     * package demo;
     * struct pair { char c; long l; };
     * union word { uint32_t u; uint8_t b[4]; };
     * </pre>
     */
    static Spec pairAndWord() {
        RecordDecl pair = record(RecordDecl.Kind.STRUCT, "pair",
                member("c", new CType.ScalarType(Scalar.CHAR)),
                member("l", new CType.ScalarType(Scalar.LONG)));
        RecordDecl word = record(RecordDecl.Kind.UNION, "word",
                member("u", new CType.ScalarType(Scalar.UINT32)),
                member("b", new CType.ArrayType(new CType.ScalarType(Scalar.UINT8), OptionalLong.of(4))));
        return new Spec("demo", new SourceFile("demo.layout", ""), List.of(pair, word));
    }

    private static Member member(String name, CType type) {
        return new Member(name,  type, OptionalLong.empty(), Optional.empty(), List.of(),
                MemberTraits.NONE, SourcePos.NONE);
    }

    private static RecordDecl record(RecordDecl.Kind kind, String name, Member... members) {
        return new RecordDecl(kind, name, List.of(members), false, OptionalLong.empty(), Optional.empty(), List.of(),
                RecordTraits.NONE, SourcePos.NONE);
    }
}
