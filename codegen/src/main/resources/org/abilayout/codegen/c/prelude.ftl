<#-- Spellings that differ between C11, C++17 and the compilers. -->
/*
 * C11 and C++17 spell these differently. C++17 has no _Atomic: there an atomic member is a
 * plain member aligned as the target aligns the atomic type (clang promotes atomics up to
 * ${P}_ATOMIC_PROMOTE_MAX bytes to size-aligned; GCC on m68k does not), which the static
 * assertions below check. ssize_t is POSIX, not C: the header spells it ptrdiff_t, which has
 * its size and alignment on every catalogue target.
 */
#ifdef __cplusplus
#define ${P}_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#define ${P}_ALIGNOF(type) alignof(type)
#define ${P}_ALIGNAS(n) alignas(n)
#define ${P}_ATOMIC
#define ${P}_ATOMIC_ALIGNAS(type) \
    alignas((sizeof(type) <= ${P}_ATOMIC_PROMOTE_MAX && (sizeof(type) & (sizeof(type) - 1)) == 0) \
            ? sizeof(type) : alignof(type))
#else
#define ${P}_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#define ${P}_ALIGNOF(type) _Alignof(type)
#define ${P}_ALIGNAS(n) _Alignas(n)
#define ${P}_ATOMIC _Atomic
#define ${P}_ATOMIC_ALIGNAS(type)
#endif

/* @packed and @align on a whole struct: MSVC has #pragma pack and __declspec(align) instead of attributes. */
#if defined(_MSC_VER)
#define ${P}_PACKED
#define ${P}_ALIGNED(n) __declspec(align(n))
#else
#define ${P}_PACKED __attribute__((packed))
#define ${P}_ALIGNED(n) __attribute__((aligned(n)))
#endif

/*
 * C11 features that C++ compilers accept as extensions, with the C layout: anonymous structs
 * and unions, flexible array members. GCC and clang take __extension__ as "this is intended".
 */
#if defined(__cplusplus) && (defined(__GNUC__) || defined(__clang__))
#define ${P}_EXTENSION __extension__
#else
#define ${P}_EXTENSION
#endif
