// The help mojo lists every goal with its documented parameters.
def log = new File(basedir, 'build.log').text

['abilayout:generate', 'abilayout:check', 'abilayout:freeze', 'abilayout:help'].each {
    assert log.contains(it) : "help lists ${it}"
}
['specDirectory', 'includes', 'excludes', 'targets', 'javaPackage', 'cOutputDirectory',
 'javaOutputDirectory', 'generateC', 'generateJava', 'skip', 'failOnWarning', 'reportDirectory'].each {
    assert log.contains("  ${it}") : "help documents ${it}"
}
assert log.contains('BUILD SUCCESS')
return true
