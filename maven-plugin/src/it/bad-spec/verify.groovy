// The error names the spec file, line and column the way maven-compiler-plugin does, keeps
// the source line and caret, and fails the build without a stack trace.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/layout/bad.layout').canonicalPath

assert log.contains("[ERROR] ${spec}:[6,5] ")
// the source line, then a caret under column 5
assert log.contains('    uint33_t flags;\n    ^')
assert log.contains('1 error in abilayout specs')
assert !log.contains('\tat org.abilayout')
assert !log.contains('UnsupportedOperationException')
return true
