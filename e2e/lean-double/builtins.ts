// The few constants of Lean's prelude that the fragment knows. Docstrings are our own short texts.
import {
  type ConstInfo, type ConstKind, type Env, type Expr, NatE, Prop, TrueE, FalseE, TypeE, arrow, bv, lit, mkAdd, mkAnd,
  mkEq, mkMul, mkOr, pi,
} from './expr'

const SortU: Expr = { k: 'sort', u: 'u' }
const n = bv('n')
const m = bv('m')
const k = bv('k')
const a = bv('a')
const b = bv('b')
const c = bv('c')

type Entry = [name: string, kind: ConstKind, type: Expr, doc: string, module?: string]

const ENTRIES: Entry[] = [
  ['Nat', 'inductive', TypeE, 'The natural numbers `0, 1, 2, …`, with arbitrary-precision literals.'],
  ['True', 'inductive', Prop, '`True` is the proposition that always holds; `True.intro` proves it.'],
  ['False', 'inductive', Prop, '`False` is the proposition with no proof.'],
  ['True.intro', 'ctor', TrueE, 'The proof of `True`.'],
  ['trivial', 'theorem', TrueE, 'A name for `True.intro`.', 'Init.Core'],
  ['Nat.zero', 'ctor', NatE, 'The natural number zero, usually written `0`.'],
  ['Nat.succ', 'ctor', pi('n', NatE, NatE), 'The successor of a natural number, `n + 1`.'],
  ['Nat.add', 'def', arrow(NatE, arrow(NatE, NatE)), 'Addition of natural numbers, usually written `n + m`.'],
  ['Nat.mul', 'def', arrow(NatE, arrow(NatE, NatE)), 'Multiplication of natural numbers, usually written `n * m`.'],
  ['Nat.sub', 'def', arrow(NatE, arrow(NatE, NatE)), 'Truncated subtraction: `n - m` is `0` when `m ≥ n`.'],
  ['Nat.pred', 'def', arrow(NatE, NatE), 'The predecessor of a natural number; `Nat.pred 0 = 0`.'],
  ['Nat.add_comm', 'theorem', pi('n', NatE, pi('m', NatE, mkEq(NatE, mkAdd(n, m), mkAdd(m, n)))), 'Addition is commutative.', 'Init.Data.Nat.Basic'],
  ['Nat.add_zero', 'theorem', pi('n', NatE, mkEq(NatE, mkAdd(n, lit(0)), n)), 'Adding zero on the right changes nothing.', 'Init.Core'],
  ['Nat.zero_add', 'theorem', pi('n', NatE, mkEq(NatE, mkAdd(lit(0), n), n)), 'Adding zero on the left changes nothing.', 'Init.Data.Nat.Basic'],
  ['Nat.add_assoc', 'theorem', pi('n', NatE, pi('m', NatE, pi('k', NatE, mkEq(NatE, mkAdd(mkAdd(n, m), k), mkAdd(n, mkAdd(m, k)))))), 'Addition is associative.', 'Init.Data.Nat.Basic'],
  ['Nat.mul_comm', 'theorem', pi('n', NatE, pi('m', NatE, mkEq(NatE, mkMul(n, m), mkMul(m, n)))), 'Multiplication is commutative.', 'Init.Data.Nat.Basic'],
  ['HAdd.hAdd', 'def', arrow(NatE, arrow(NatE, NatE)), '`a + b` computes the sum of `a` and `b` (the double only knows it on `Nat`).'],
  ['HMul.hMul', 'def', arrow(NatE, arrow(NatE, NatE)), '`a * b` computes the product of `a` and `b` (the double only knows it on `Nat`).'],
  ['And', 'inductive', arrow(Prop, arrow(Prop, Prop)), '`And a b`, or `a ∧ b`, is the conjunction of two propositions.'],
  ['And.intro', 'ctor', pi('a', Prop, pi('b', Prop, pi('left', a, pi('right', b, mkAnd(a, b))), 'implicit'), 'implicit'), 'Builds `a ∧ b` from proofs of `a` and `b`; written `⟨ha, hb⟩`.'],
  ['And.left', 'theorem', pi('a', Prop, pi('b', Prop, pi('self', mkAnd(a, b), a), 'implicit'), 'implicit'), 'Extracts the left conjunct.'],
  ['And.right', 'theorem', pi('a', Prop, pi('b', Prop, pi('self', mkAnd(a, b), b), 'implicit'), 'implicit'), 'Extracts the right conjunct.'],
  ['Or', 'inductive', arrow(Prop, arrow(Prop, Prop)), '`Or a b`, or `a ∨ b`, is the disjunction of two propositions.'],
  ['Or.inl', 'ctor', pi('a', Prop, pi('b', Prop, pi('h', a, mkOr(a, b)), 'implicit'), 'implicit'), '`a ∨ b` from a proof of `a`.'],
  ['Or.inr', 'ctor', pi('a', Prop, pi('b', Prop, pi('h', b, mkOr(a, b)), 'implicit'), 'implicit'), '`a ∨ b` from a proof of `b`.'],
  ['Eq', 'inductive', pi('α', SortU, arrow(bv('α'), arrow(bv('α'), Prop)), 'implicit'), 'The equality relation `a = b`.'],
  ['Eq.refl', 'ctor', pi('α', SortU, pi('a', bv('α'), mkEq(bv('α'), a, a)), 'implicit'), '`Eq.refl a : a = a`, reflexivity of equality.'],
  ['rfl', 'theorem', pi('α', SortU, pi('a', bv('α'), mkEq(bv('α'), a, a), 'implicit'), 'implicit'), '`rfl : a = a` proves an equation whose two sides are definitionally equal.'],
  ['Eq.symm', 'theorem', pi('α', SortU, pi('a', bv('α'), pi('b', bv('α'), pi('h', mkEq(bv('α'), a, b), mkEq(bv('α'), b, a)), 'implicit'), 'implicit'), 'implicit'), 'Symmetry of equality: from `a = b` get `b = a`.'],
  ['Eq.trans', 'theorem', pi('α', SortU, pi('a', bv('α'), pi('b', bv('α'), pi('c', bv('α'), pi('h₁', mkEq(bv('α'), a, b), pi('h₂', mkEq(bv('α'), b, c), mkEq(bv('α'), a, c))), 'implicit'), 'implicit'), 'implicit'), 'implicit'), 'Transitivity of equality.'],
  ['absurd', 'theorem', pi('a', Prop, pi('b', SortU, pi('h₁', a, pi('h₂', arrow(a, FalseE), b)), 'implicit'), 'implicit'), 'From `a` and `¬a` anything follows.', 'Init.Prelude'],
]

/** Hidden leading arguments that Lean has and the fragment does not store (for subexpression positions). */
export const HIDDEN_ARGS: Record<string, number> = { 'HAdd.hAdd': 4, 'HMul.hMul': 4 }

/** Lemma names `simp?` may suggest, also accepted in `simp only [...]`. */
export const SIMP_LEMMAS = new Set([
  'Nat.reduceAdd', 'Nat.reduceMul', 'eq_self_iff_true', 'and_true', 'true_and', 'and_self', 'imp_self',
  'implies_true', 'true_implies', 'false_implies', 'Nat.add_zero', 'Nat.zero_add', 'Nat.reduceEqDiff',
])

/** Docstrings of the tactics, shown on hover over the tactic keyword. */
export const TACTIC_DOCS: Record<string, string> = {
  intro: '`intro x y` introduces the hypotheses of a goal `∀ x, …` or `p → …` into the context.',
  exact: '`exact e` closes the main goal with the term `e`, whose type must match the goal.',
  rfl: '`rfl` closes a goal `a = b` whose two sides are definitionally equal.',
  simp: '`simp` rewrites the goal with simp lemmas and closes it if it becomes `True`.',
  'simp?': '`simp?` works like `simp` and suggests an equivalent `simp only [...]` call.',
  sorry: '`sorry` closes the goal with a placeholder proof; the declaration gets a warning.',
  assumption: '`assumption` closes the goal with a hypothesis of the same type.',
  constructor: '`constructor` splits `a ∧ b` into two goals and closes `True`.',
  trivial: '`trivial` closes goals such as `True`, `a = a`, or one that matches a hypothesis.',
}

export const KNOWN_TACTICS = new Set(Object.keys(TACTIC_DOCS))

export function builtinEnv(): Env {
  const env: Env = new Map()
  for (const [name, kind, type, doc, module] of ENTRIES) {
    const ci: ConstInfo = { name, kind, type, doc, module: module ?? 'Init.Prelude' }
    env.set(name, ci)
  }
  return env
}

/** Module names the double treats as existing toolchain modules. */
export function isToolchainModule(mod: string): boolean {
  const root = mod.split('.')[0]
  return root === 'Init' || root === 'Std' || root === 'Lean'
}

