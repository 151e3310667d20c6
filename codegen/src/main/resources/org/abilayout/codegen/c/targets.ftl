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
#elif !defined(${P}_ALLOW_UNKNOWN_TARGET) && !defined(ABILAYOUT_ALLOW_UNKNOWN_TARGET)
#error "${h.headerName}: this target is not in the abilayout catalogue the header was generated for; define ${P}_ALLOW_UNKNOWN_TARGET to use it without layout guarantees"
#else
#define ${P}_ATOMIC_PROMOTE_MAX 0
#endif
