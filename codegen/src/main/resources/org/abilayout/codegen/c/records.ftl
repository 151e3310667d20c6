<#-- Declarations: doc comments, enums, structs and unions with their padding and helpers. -->
<#macro doc lines indent>
<#if lines?size == 1>
${indent}/** ${lines[0]} */
<#elseif lines?has_content>
${indent}/**
<#list lines as l>
${indent} *<#if l?has_content> ${l}</#if>
</#list>
${indent} */
</#if>
</#macro>

<#macro enumeration e>
<#if e.underlying?has_content>
/* C11 has no enums with a fixed underlying type: ${e.name} is a ${e.underlying} with these values. */
typedef ${e.underlying} ${e.name};
<#list e.values as v>
<@doc v.doc ""/>
#define ${v.name} ${v.value}
</#list>
<#else>
enum ${e.name} {
<#list e.values as v>
<@doc v.doc "    "/>
    ${v.name} = ${v.value}<#sep>,</#sep>
</#list>
};
</#if>
</#macro>

<#macro condition c>
<#if c?has_content>
#if ${c}
</#if>
<#nested>
<#if c?has_content>
#endif
</#if>
</#macro>

<#macro packBegin b>
<#if b.packed>
#if defined(_MSC_VER)
#pragma pack(push, 1)
#endif
</#if>
<#if b.quietPadding>
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpadded" /* tail padding cannot follow a flexible array member */
#endif
</#if>
<#if b.quietUnaligned>
#if defined(__clang__) && defined(__has_warning)
#if __has_warning("-Wunaligned-access")
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunaligned-access" /* packed on purpose: a record member is under-aligned */
#endif
#endif
</#if>
<#if b.flexibleArray>
#if defined(__clang__) && defined(__cplusplus)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc99-extensions" /* a flexible array member: C99, a C++ extension */
#endif
</#if>
</#macro>

<#macro packEnd b>
<#if b.flexibleArray>
#if defined(__clang__) && defined(__cplusplus)
#pragma clang diagnostic pop
#endif
</#if>
<#if b.quietUnaligned>
#if defined(__clang__) && defined(__has_warning)
#if __has_warning("-Wunaligned-access")
#pragma clang diagnostic pop
#endif
#endif
</#if>
<#if b.quietPadding>
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
</#if>
<#if b.packed>
#if defined(_MSC_VER)
#pragma pack(pop)
#endif
</#if>
</#macro>

<#macro body b indent>
${b.keyword}<#if b.packed> ${P}_PACKED</#if><#if b.align gt 0> ${P}_ALIGNED(${b.align})</#if><#if b.tag?has_content> ${b.tag}</#if> {
<#list b.lines as line>
<#if line.kind == "field">
<@doc line.doc indent + "    "/>
<@condition line.condition>
${indent}    ${line.declaration};
</@condition>
<#elseif line.kind == "nested">
<@doc line.doc indent + "    "/>
<@condition line.condition>
<@packBegin line.body/>
${indent}    <#if !line.declarator?has_content>${P}_EXTENSION </#if><@body line.body indent + "    "/><#if line.declarator?has_content> ${line.declarator}</#if>;
<@packEnd line.body/>
</@condition>
<#elseif line.kind == "padding">
<#if line.always?has_content>
${indent}    ${line.always};
<#else>
<#list line.branches as br>
#${br?is_first?then("if", "elif")} ${br.condition}
<#if br.declaration?has_content>
${indent}    ${br.declaration};
<#else>
${indent}    /* no hole here */
</#if>
</#list>
#endif
</#if>
</#if>
</#list>
${indent}}</#macro>

<#macro record d>
<@packBegin d.body/>
<@body d.body ""/>;
<@packEnd d.body/>

/** Layout version of ${d.cName}: bump it with every change to the layout. */
#define ${d.versionMacro} ${d.version}
<#list d.presence as p>
/** Whether ${d.cName} of layout version VERSION has ${p.member}: it arrived in version ${p.since}. */
#define ${p.macro}(version) ((version) >= ${p.since})
</#list>
<#assign setsVersion = d.versionField?has_content && !d.versionField[0].condition?has_content>
/** Zeroes every member, reserved and padding members included<#if setsVersion>, and sets ${d.versionField[0].member} to ${d.versionMacro}<#elseif d.versionField?has_content>; ${d.initFunction} also sets the version field</#if>. */
#ifdef __cplusplus
#define ${d.initializerMacro} ${d.cppInitializer}
#else
#define ${d.initializerMacro} ${d.cInitializer}
#endif
/** Zeroes *p, padding included<#if d.versionField?has_content>, and sets ${d.versionField[0].member} to ${d.versionMacro}</#if>. */
static inline void ${d.initFunction}(${d.cName} *p) {
    unsigned char *bytes = (unsigned char *)p;
    for (size_t i = 0; i < sizeof *p; i++) bytes[i] = 0;
<#list d.versionField as v>
<@condition v.condition>
    p->${v.member} = ${d.versionMacro};
</@condition>
</#list>
}
<#list d.pinned as pin>
<@condition pin.condition>
${P}_STATIC_ASSERT(offsetof(${d.cName}, ${pin.member}) == ${pin.offset}, "${d.cName}: @offset(${pin.offset}) of ${pin.member}");
</@condition>
</#list>
</#macro>
