/**
 * Name resolution and checking: {@link org.abilayout.spec.resolve.Resolver} turns a syntax tree
 * into the immutable {@link org.abilayout.spec.model.Spec} the layout engine and generators
 * consume, evaluating constants ({@code ConstEval}) and mapping C type spellings to scalars
 * ({@code Scalars}).
 */
package org.abilayout.spec.resolve;
