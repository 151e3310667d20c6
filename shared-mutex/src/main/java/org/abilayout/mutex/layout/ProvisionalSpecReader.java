package org.abilayout.mutex.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.TraitResolver;

/**
 * Temporary, and deliberately narrow: reads the subset of the spec language that
 * {@code shared_mutex.layout} uses (a package, {@code const} fixed-width integers, structs of
 * fixed-width integer members and arrays of them, with annotations taking at most one integer)
 * while the real front end ({@link org.abilayout.spec.SpecReader}) is still being written. It
 * exists so that the spec file stays the single source of the layout from day one; it is used only
 * while {@code SpecReader} throws {@link UnsupportedOperationException}, and is deleted once the
 * parser is merged. Anything outside the subset is refused, never guessed.
 */
final class ProvisionalSpecReader {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern CONST = Pattern.compile("const\\s+(\\w+)\\s+(\\w+)\\s*=\\s*(0x[0-9A-Fa-f]+|\\d+)\\s*;");
    private static final Pattern STRUCT = Pattern.compile("((?:@\\w+(?:\\(\\s*\\d+\\s*\\))?\\s*)*)struct\\s+(\\w+)\\s*\\{([^}]*)}\\s*;");
    private static final Pattern MEMBER = Pattern.compile(
            "\\s*((?:@\\w+(?:\\(\\s*\\d+\\s*\\))?\\s*)*)(volatile\\s+)?(\\w+)\\s+(\\w+)\\s*(?:\\[\\s*(\\d+)\\s*])?\\s*");
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)(?:\\(\\s*(\\d+)\\s*\\))?");

    private ProvisionalSpecReader() {}

    static Spec parse(SourceFile source) {
        String text = source.text().replaceAll("//[^\n]*", ""); // comments (doc comments too) carry no layout
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) throw refuse("no package declaration");
        List<Decl> decls = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        TraitResolver traits = new TraitResolver(source, diagnostics);
        SourcePos pos = SourcePos.NONE;
        Matcher c = CONST.matcher(text);
        while (c.find()) {
            String v = c.group(3);
            long value = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            decls.add(new ConstDecl(c.group(2), scalar(c.group(1)), value, Optional.empty(), List.of(), pos));
        }
        Matcher s = STRUCT.matcher(text);
        while (s.find()) {
            List<Member> members = new ArrayList<>();
            for (String m : s.group(3).split(";")) {
                if (m.isBlank()) continue;
                Matcher mm = MEMBER.matcher(m);
                if (!mm.matches()) throw refuse("member '" + m.strip() + "' of struct " + s.group(2));
                List<Annotation> anns = annotations(mm.group(1));
                CType type = new CType.ScalarType(scalar(mm.group(3)));
                if (mm.group(5) != null) type = new CType.ArrayType(type, OptionalLong.of(Long.parseLong(mm.group(5))));
                members.add(new Member(mm.group(4), type, new Qualifiers(false, mm.group(2) != null, false),
                        intArg(anns, "align"), Optional.empty(), anns, traits.member(anns), pos));
            }
            List<Annotation> anns = annotations(s.group(1));
            decls.add(new RecordDecl(RecordDecl.Kind.STRUCT, s.group(2), members, false, intArg(anns, "align"),
                    Optional.empty(), anns, traits.record(anns), pos));
        }
        if (!diagnostics.isEmpty()) throw refuse(diagnostics.getFirst().message());
        return new Spec(pkg.group(1), source, decls);
    }

    private static List<Annotation> annotations(String text) {
        List<Annotation> out = new ArrayList<>();
        Matcher a = ANNOTATION.matcher(text);
        while (a.find()) {
            List<AnnotationArg> args = a.group(2) == null ? List.of()
                    : List.of(new AnnotationArg.Int(Long.parseLong(a.group(2)), SourcePos.NONE));
            out.add(new Annotation(a.group(1), args, SourcePos.NONE));
        }
        return out;
    }

    private static OptionalLong intArg(List<Annotation> anns, String name) {
        return anns.stream().filter(a -> a.name().equals(name) && a.args().size() == 1)
                .mapToLong(a -> ((AnnotationArg.Int) a.args().getFirst()).value()).findFirst();
    }

    private static Scalar scalar(String spelling) {
        for (Scalar s : Scalar.values()) {
            if (s.isTypedefName() && s.isInteger() && s.spelling().equals(spelling)) return s;
        }
        throw refuse("type " + spelling + " (only fixed-width integer types)");
    }

    private static IllegalStateException refuse(String what) {
        return new IllegalStateException("the provisional reader of shared_mutex.layout does not handle " + what
                + "; extend the spec only once the real front end (SpecReader) is merged");
    }
}
