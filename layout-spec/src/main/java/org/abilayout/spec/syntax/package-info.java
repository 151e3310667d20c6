/**
 * The spec language's syntax: {@link org.abilayout.spec.syntax.Lexer} (text → tokens, on demand)
 * and {@link org.abilayout.spec.syntax.Parser} (tokens → {@link org.abilayout.spec.syntax.Syntax}
 * tree). Nothing here knows what a name means; {@link org.abilayout.spec.resolve} binds names.
 * Both report problems to a {@link org.abilayout.spec.source.Reporter} and recover, so one run
 * shows every syntax error; both bound their work so hostile input ends quickly.
 */
package org.abilayout.spec.syntax;
