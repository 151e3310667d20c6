package org.abilayout.abitests.java;

import java.util.List;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.RecordRef;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;

/**
 * The C side of a cross-language test: the spec's structs written as plain C for one target
 * (members whose {@code @if} fails there left out, as the header generator does), and a program
 * that maps a file and either writes every {@link Plan} value into it or checks every value in
 * it, printing {@code MISMATCH label} for each wrong one and {@code SIZE name n} for each struct.
 */
final class CProgram {
    private CProgram() {}

    /** With the structs written by {@link #declarations}. */
    static String source(Spec spec, Target target, List<Plan.Instance> plan) {
        return source(spec, target, plan, declarations(spec, target), PREFIX);
    }

    /** With the structs from abilayout's own C header ({@code gen c}), included by absolute path. */
    static String sourceWithHeader(Spec spec, Target target, List<Plan.Instance> plan, java.nio.file.Path header) {
        return source(spec, target, plan, "#include \"" + header.toAbsolutePath() + "\"\n", "");
    }

    /**
     * @param structs C that declares the spec's records
     * @param prefix what their tags are prefixed with there
     */
    private static String source(Spec spec, Target target, List<Plan.Instance> plan, String structs, String prefix) {
        StringBuilder c = new StringBuilder();
        c.append("""
                #include <stdint.h>
                #include <stddef.h>
                #include <stdio.h>
                #include <string.h>
                #include <fcntl.h>
                #include <sys/mman.h>
                #include <sys/types.h>
                #include <unistd.h>
                #include <wchar.h>
                static int failures;
                #define CHECK(label, cond) do { if (!(cond)) { printf("MISMATCH %s\\n", label); failures++; } } while (0)
                """);
        c.append(structs);
        c.append("static void write_all(unsigned char *base) {\n");
        pointers(c, plan, prefix);
        for (Plan.Instance in : plan) {
            c.append("    memset(p").append(in.index()).append(", 0, sizeof *p").append(in.index()).append(");\n");
        }
        for (Plan.Instance in : plan) {
            for (Plan.Slot s : in.slots()) c.append("    ").append(s.cExpr()).append(" = ").append(value(s, target)).append(";\n");
        }
        c.append("}\nstatic void check_all(unsigned char *base) {\n");
        pointers(c, plan, prefix);
        for (Plan.Instance in : plan) {
            for (Plan.Slot s : in.slots()) {
                c.append("    CHECK(\"").append(s.label()).append("\", ").append(s.cExpr()).append(" == ").append(value(s, target)).append(");\n");
            }
        }
        c.append("}\nint main(int argc, char **argv) {\n");
        c.append("    if (argc != 3) return 2;\n");
        c.append("    size_t size = ").append(Math.max(1, plan.size()) * (long) Plan.SLOT).append(";\n");
        c.append("""
                    int fd = open(argv[2], O_RDWR | O_CREAT, 0644);
                    if (fd < 0 || ftruncate(fd, size) != 0) { perror(argv[2]); return 2; }
                    unsigned char *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    if (base == MAP_FAILED) { perror("mmap"); return 2; }
                """);
        for (RecordDecl r : spec.records()) {
            c.append("    printf(\"SIZE ").append(r.name()).append(" %lu\\n\", (unsigned long) sizeof(").append(tag(r, prefix)).append("));\n");
        }
        c.append("""
                    if (strcmp(argv[1], "write") == 0) write_all(base); else check_all(base);
                    if (msync(base, size, MS_SYNC) != 0) { perror("msync"); return 2; }
                    munmap(base, size);
                    close(fd);
                    return failures ? 1 : 0;
                }
                """);
        return c.toString();
    }

    /** Prefixes the spec's tags and typedef names so they cannot clash with the C library's own. */
    static final String PREFIX = "abl_";

    /** {@code struct abl_NAME}. */
    static String tag(RecordDecl r, String prefix) {
        return r.kind().keyword() + " " + prefix + r.name();
    }

    /** The spec's typedefs and records as C for one target. */
    static String declarations(Spec spec, Target target) {
        StringBuilder c = new StringBuilder();
        for (var d : spec.decls()) {
            if (d instanceof TypedefDecl td) c.append("typedef ").append(declarator(td.type(), PREFIX + td.name(), target)).append(";\n");
        }
        for (RecordDecl r : spec.records()) c.append(record(r, target)).append(";\n");
        return c.toString();
    }

    private static void pointers(StringBuilder c, List<Plan.Instance> plan, String prefix) {
        for (Plan.Instance in : plan) {
            c.append("    ").append(tag(in.decl(), prefix)).append(" *p").append(in.index()).append(" = (").append(tag(in.decl(), prefix))
                    .append(" *)(base + ").append((long) in.index() * Plan.SLOT).append(");\n");
        }
    }

    private static String record(RecordDecl r, Target t) {
        StringBuilder c = new StringBuilder(r.kind().keyword());
        if (r.packed()) c.append(" __attribute__((packed))");
        if (!r.isAnonymous()) c.append(' ').append(PREFIX).append(r.name());
        c.append(" {\n");
        for (Member m : r.members()) {
            if (!m.traits().presentOn(t)) continue;
            String decl = declarator(m.type(), m.name(), t);
            c.append("    ").append(decl);
            if (m.align().isPresent()) c.append(" __attribute__((aligned(").append(m.align().getAsLong()).append(")))");
            c.append(";\n");
        }
        var padTo = r.traits().padTo().valueFor(t);
        if (padTo.isPresent()) {
            // glibc's `char __size[N]` union member; a struct would need its unpadded size here
            if (r.kind() != RecordDecl.Kind.UNION) throw new UnsupportedOperationException("@pad_to on a struct");
            c.append("    char abilayout_pad_to[").append(padTo.getAsLong()).append("];\n");
        }
        c.append("}");
        if (r.align().isPresent()) c.append(" __attribute__((aligned(").append(r.align().getAsLong()).append(")))");
        return c.toString();
    }

    /**
     * {@code T name[2][3]} by the product's declarator writer, as the program writes it: enums as
     * their storage type, names prefixed, anonymous records inline, every pointer a {@code void *}
     * (the program stores bit patterns in them) and no {@code const} (it assigns every member).
     */
    private static String declarator(CType type, String name, Target t) {
        return DeclaratorWriter.declaration(writable(type), name, new Spelling() {
            @Override
            public String enumType(CType.EnumType e) {
                return e.definition().storageScalar().spelling();
            }

            @Override
            public String typedefName(CType.TypedefType td) {
                return PREFIX + td.name();
            }

            @Override
            public String record(RecordRef ref) {
                RecordDecl r = ref.definition().orElseThrow();
                return r.isAnonymous() ? CProgram.record(r, t) : tag(r, PREFIX);
            }
        }).toString();
    }

    private static CType writable(CType type) {
        return switch (type) {
            case CType.PointerType p -> new CType.PointerType(CType.VoidType.INSTANCE);
            case CType.QualifiedType q -> CType.qualified(writable(q.type()),
                    new Qualifiers(false, q.qualifiers().isVolatile(), q.qualifiers().isAtomic()));
            case CType.ArrayType a -> new CType.ArrayType(writable(a.element()), a.length());
            default -> type;
        };
    }

    /** The slot's value as a C expression of its type. */
    static String value(Plan.Slot s, Target t) {
        CType e = s.type();
        if (e instanceof CType.PointerType) return "(void *)(uintptr_t)" + hex(s.bits(), t.pointerBytes());
        Scalar sc = switch (e) {
            case CType.ScalarType st -> st.scalar();
            case CType.EnumType en -> en.definition().storageScalar();
            default -> throw new AssertionError(e);
        };
        return switch (sc) {
            case BOOL -> "1";
            case FLOAT -> floatValue(s) + "f";
            case DOUBLE -> Double.toString(doubleValue(s));
            case LONG_DOUBLE -> doubleValue(s) + "L";
            default -> "(" + sc.spelling() + ")" + hex(s.bits(), size(sc, s.qualifiers(), t));
        };
    }

    static long size(Scalar sc, Qualifiers q, Target t) {
        TypeInfo ti = LayoutEngine.typeInfo(new CType.ScalarType(sc), Qualifiers.NONE, t);
        return ti.size();
    }

    static float floatValue(Plan.Slot s) {
        return (s.bits() & 0xffff) + 0.5f;
    }

    static double doubleValue(Plan.Slot s) {
        return (s.bits() & 0xffffff) + 0.25;
    }

    private static String hex(long bits, long bytes) {
        long v = bytes >= 8 ? bits : bits & ((1L << (bytes * 8)) - 1);
        return "0x" + Long.toHexString(v) + "ULL";
    }
}
