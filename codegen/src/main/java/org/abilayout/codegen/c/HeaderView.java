package org.abilayout.codegen.c;

import java.util.List;

/**
 * What {@code header.ftl} renders: the header with every number already taken from the layout
 * engine and every C spelling already decided, so the templates only arrange text. Absent
 * values are empty strings and empty lists (FreeMarker reads them with {@code ?has_content}).
 *
 * @param fileName the spec file the header comes from, for the banner
 * @param headerName the header's own file name ({@code freebsd_umtx.h})
 * @param packageName the spec's package
 * @param prefix the macro prefix ({@code FREEBSD_UMTX})
 * @param usesBool whether {@code <stdbool.h>} is needed in C
 * @param targets the identification block, one entry per target
 * @param decls the spec's declarations in source order
 * @param asserts the layout assertions, one block per target
 */
public record HeaderView(String fileName, String headerName, String packageName, String prefix, boolean usesBool,
        List<TargetView> targets, List<DeclView> decls, List<TargetAsserts> asserts) {

    /** One target of the identification block. */
    public record TargetView(String name, String macro, String condition, int atomicPromote) {}

    /** A declaration; {@link #kind()} names the template macro that renders it. */
    public sealed interface DeclView {
        String kind();

        List<String> doc();
    }

    /** {@code typedef ...;} */
    public record TypedefView(List<String> doc, String declaration) implements DeclView {
        public String kind() {
            return "typedef";
        }
    }

    /** {@code #define NAME ((type)value)} */
    public record ConstView(List<String> doc, String name, String value) implements DeclView {
        public String kind() {
            return "const";
        }
    }

    /**
     * An enum. With {@code underlying} set (a fixed underlying type, which C11 cannot say) the
     * enumerators are macros of that type and the enum's name a typedef of it.
     */
    public record EnumView(List<String> doc, String name, String underlying, List<Enumerator> values)
            implements DeclView {
        public String kind() {
            return "enum";
        }
    }

    public record Enumerator(List<String> doc, String name, String value) {}

    /** A named struct or union with its versioning helpers. */
    public record RecordView(List<String> doc, Body body, String cName, String versionMacro, int version,
            List<Presence> presence, String initializerMacro, String cInitializer, String cppInitializer,
            String initFunction, List<VersionAssignment> versionField, List<PinnedOffset> pinned)
            implements DeclView {
        public String kind() {
            return "record";
        }
    }

    /**
     * A struct or union body, top-level or anonymous.
     *
     * @param tag empty for an anonymous record
     * @param align {@code @align(N)} of the record, 0 if none
     * @param quietPadding true when tail padding cannot be a member (it follows a flexible array
     *     member): the template then silences {@code -Wpadded} for this record alone
     * @param quietUnaligned true for a packed record that holds a struct or union less aligned
     *     than that type wants on some target: packed on purpose, so the template silences
     *     clang's {@code -Wunaligned-access} (strict-alignment targets such as ARM) for this record
     * @param flexibleArray true when the record ends in a flexible array member: C99, which C++
     *     compilers accept as an extension; clang reports it under {@code -Wc99-extensions} in C++
     *     despite {@code __extension__}, so the template silences that for this record alone
     */
    public record Body(String keyword, String tag, boolean packed, long align, boolean quietPadding,
            boolean quietUnaligned, boolean flexibleArray, List<Line> lines) {}

    /** A line (or block) of a record body; {@link #kind()} is {@code field}, {@code nested} or {@code padding}. */
    public sealed interface Line {
        String kind();
    }

    /** A member; {@code condition} is its {@code @if} in C, empty if unconditional. */
    public record FieldLine(List<String> doc, String condition, String declaration) implements Line {
        public String kind() {
            return "field";
        }
    }

    /** A member whose type is an anonymous record, written inline; {@code declarator} is empty for C11 anonymous members. */
    public record NestedLine(List<String> doc, String condition, Body body, String declarator) implements Line {
        public String kind() {
            return "nested";
        }
    }

    /**
     * Explicit padding where the compiler would leave a hole: {@code always} when every target
     * has the same hole, else an {@code #if}/{@code #elif} chain with one branch per hole size
     * (an empty declaration: no hole on those targets).
     */
    public record PaddingLine(String always, List<PadBranch> branches) implements Line {
        public String kind() {
            return "padding";
        }
    }

    public record PadBranch(String condition, String declaration) {}

    /** {@code NAME_HAS_MEMBER(version)}: the member exists in layouts of {@code since} and later. */
    public record Presence(String macro, String member, int since) {}

    /** The {@code @version_field} member, set by the initializer; {@code condition} as in {@link FieldLine}. */
    public record VersionAssignment(String member, String condition) {}

    /** {@code @offset(N)}: a static assertion on every target where the member exists. */
    public record PinnedOffset(String member, long offset, String condition) {}

    /** The assertions of one target. */
    public record TargetAsserts(String name, String macro, List<RecordAsserts> records) {}

    public record RecordAsserts(String cName, long size, long align, List<OffsetAssert> offsets) {}

    public record OffsetAssert(String member, long offset) {}
}
