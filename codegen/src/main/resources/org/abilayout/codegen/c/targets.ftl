<#-- Target identification: exactly one condition holds on each catalogue target. -->
/*
 * Which target is this? The header's layout holds on the targets listed here. Elsewhere it
 * stops with #error, unless ${P}_ALLOW_UNKNOWN_TARGET (or, for every abilayout header at
 * once, ABILAYOUT_ALLOW_UNKNOWN_TARGET) is defined: then it compiles with the compiler's own
 * layout, and nothing is checked or guaranteed.
 */
<#list h.targets as t>
#${t?is_first?then("if", "elif")} ${t.condition}
#define ${t.macro} 1 /* ${t.name} */
#define ${P}_ATOMIC_PROMOTE_MAX ${t.atomicPromote}
</#list>
#else
#define ${P}_UNKNOWN_TARGET 1
#define ${P}_ATOMIC_PROMOTE_MAX 0
#if !defined(${P}_ALLOW_UNKNOWN_TARGET) && !defined(ABILAYOUT_ALLOW_UNKNOWN_TARGET)
#error "${h.headerName}: this target is not in the abilayout catalogue the header was generated for; define ${P}_ALLOW_UNKNOWN_TARGET to use it without layout guarantees"
#endif
#endif
