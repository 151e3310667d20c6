<#-- Per-target proof: the compiler must agree with the layout engine on every number. -->
/* Layout checks: the compiler must agree with abilayout on every size, alignment and offset. */
<#list h.asserts as t>
#if defined(${t.macro})
<#list t.records as rec>
${P}_STATIC_ASSERT(sizeof(${rec.cName}) == ${rec.size}, "${rec.cName}: size must be ${rec.size} on ${t.name}");
${P}_STATIC_ASSERT(${P}_ALIGNOF(${rec.cName}) == ${rec.align}, "${rec.cName}: alignment must be ${rec.align} on ${t.name}");
<#list rec.offsets as f>
${P}_STATIC_ASSERT(offsetof(${rec.cName}, ${f.member}) == ${f.offset}, "${rec.cName}: ${f.member} must be at offset ${f.offset} on ${t.name}");
</#list>
</#list>
#endif
</#list>
