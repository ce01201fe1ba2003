import type { Node } from 'web-tree-sitter';
import { field, memo, named, textOf, typeOf } from './node-cache';

/**
 * A control-flow graph per function body, built from the tree-sitter tree. One node per simple
 * statement or decision; edges say why control moves ("true", "case", "goto", ...) so that a
 * finding can explain its path. Expressions are not split: short-circuit operators and `?:` are
 * handled when conditions and values are evaluated.
 */
export type EdgeKind =
  | 'seq' | 'true' | 'false' | 'case' | 'default' | 'goto' | 'break' | 'continue'
  | 'loop-exit' | 'loop-enter' | 'ifdef' | 'except' | 'catch' | 'finally';

export interface Edge {
  to: number;
  kind: EdgeKind;
  /** Case value, label name or preprocessor arm, for the step message. */
  label?: string;
  /** Case value node of a `case` edge. */
  value?: Node;
}

export type CfgNodeKind = 'entry' | 'exit' | 'stmt' | 'cond' | 'switch' | 'return' | 'join' | 'label' | 'goto';

export interface CfgNode {
  id: number;
  kind: CfgNodeKind;
  /** The statement (stmt/return/goto), the condition (cond/switch), or the construct (join). */
  ast: Node | null;
  succ: Edge[];
}

export interface Cfg {
  nodes: CfgNode[];
  entry: number;
  exit: number;
  /** Statements deeper than the nesting cap are kept as opaque statements. */
  truncatedNesting: boolean;
}

const MAX_NESTING = 400;

interface Ctx {
  brk: number | null;
  cont: number | null;
  leave: number | null;
  /**
   * Inside `__try` blocks with `__finally`: builds a copy of the enclosing `__finally` blocks (innermost
   * first) that continues at `to`, for a `return` (or `throw`) leaving them. Null outside.
   */
  finallyTo: ((to: number) => number) | null;
  depth: number;
}

/** The CFG of a body, built once per node-cache scope: the explorer and the rules only read it. */
export function cfgOf(body: Node): Cfg {
  return memo(body, 'cfg', () => buildCfg(body));
}

export function buildCfg(body: Node): Cfg {
  const nodes: CfgNode[] = [];
  const labels = new Map<string, number>();
  let truncatedNesting = false;
  const mk = (kind: CfgNodeKind, ast: Node | null, succ: Edge[] = []): number => {
    nodes.push({ id: nodes.length, kind, ast, succ });
    return nodes.length - 1;
  };
  const entry = mk('entry', body);
  const exit = mk('exit', null);
  const labelNode = (name: string): number => {
    let id = labels.get(name);
    if (id === undefined) {
      id = mk('label', null);
      labels.set(name, id);
    }
    return id;
  };

  const seq = (stmts: Node[], next: number, ctx: Ctx): number => {
    let cur = next;
    for (let i = stmts.length - 1; i >= 0; i--) cur = build(stmts[i], cur, ctx);
    return cur;
  };

    // tree-sitter hands out a new Node object on every access: compare nodes by id, never by identity.
  const stmtChildren = (n: Node): Node[] => named(n).filter((c): c is Node => !!c && typeOf(c) !== 'comment');

  function build(n: Node, next: number, ctx: Ctx): number {
    if (ctx.depth > MAX_NESTING) {
      truncatedNesting = true;
      return mk('stmt', n, [{ to: next, kind: 'seq' }]);
    }
    const inner: Ctx = { ...ctx, depth: ctx.depth + 1 };
    switch (typeOf(n)) {
      case 'compound_statement':
        return seq(stmtChildren(n), next, inner);
      case 'comment':
      case ';':
        return next;
      case 'if_statement': {
        const cond = field(n, 'condition');
        const cons = field(n, 'consequence');
        const alt = field(n, 'alternative');
        const t = cons ? build(cons, next, inner) : next;
        const altStmt = alt ? (typeOf(alt) === 'else_clause' ? named(alt).find((c) => c && typeOf(c) !== 'comment') ?? null : alt) : null;
        const f = altStmt ? build(altStmt, next, inner) : next;
        return mk('cond', cond, [
          { to: t, kind: 'true' },
          { to: f, kind: 'false' },
        ]);
      }
      case 'while_statement': {
        const c = mk('cond', field(n, 'condition'));
        const b = field(n, 'body');
        const bodyEntry = b ? build(b, c, { ...inner, brk: next, cont: c }) : c;
        nodes[c].succ.push({ to: bodyEntry, kind: 'true' }, { to: next, kind: 'false' });
        return c;
      }
      case 'do_statement': {
        const c = mk('cond', field(n, 'condition'));
        const b = field(n, 'body');
        const bodyEntry = b ? build(b, c, { ...inner, brk: next, cont: c }) : c;
        nodes[c].succ.push({ to: bodyEntry, kind: 'true' }, { to: next, kind: 'false' });
        return bodyEntry;
      }
      case 'for_statement': {
        const condNode = field(n, 'condition');
        const c = condNode ? mk('cond', condNode) : mk('join', n);
        const upd = field(n, 'update');
        const u = upd ? mk('stmt', upd, [{ to: c, kind: 'seq' }]) : c;
        const b = field(n, 'body');
        const bodyEntry = b ? build(b, u, { ...inner, brk: next, cont: u }) : u;
        if (condNode) nodes[c].succ.push({ to: bodyEntry, kind: 'true' }, { to: next, kind: 'false' });
        else nodes[c].succ.push({ to: bodyEntry, kind: 'loop-enter' });
        const init = field(n, 'initializer');
        return init ? mk('stmt', init, [{ to: c, kind: 'seq' }]) : c;
      }
      case 'for_range_loop': {
        const c = mk('join', n);
        const b = field(n, 'body');
        const bodyEntry = b ? build(b, c, { ...inner, brk: next, cont: c }) : c;
        nodes[c].succ.push({ to: bodyEntry, kind: 'loop-enter' }, { to: next, kind: 'loop-exit' });
        return c;
      }
      case 'switch_statement':
        return buildSwitch(n, next, inner);
      case 'case_statement':
        // A case label outside a switch body (broken code): run its statements.
        return seq(stmtChildren(n).filter((c) => c.id !== field(n, 'value')?.id), next, inner);
      case 'break_statement':
        return mk('goto', n, [{ to: ctx.brk ?? next, kind: 'break' }]);
      case 'continue_statement':
        return mk('goto', n, [{ to: ctx.cont ?? next, kind: 'continue' }]);
      case 'seh_leave_statement':
        return mk('goto', n, [{ to: ctx.leave ?? next, kind: 'break', label: '__leave' }]);
      case 'return_statement':
      case 'co_return_statement':
      case 'throw_statement': {
        const ret = mk('return', n, [{ to: exit, kind: 'seq' }]);
        // "The termination handler is executed when the flow of control leaves the try block": a return
        // inside __try runs the __finally block(s) first. The returned value is read after them here (SEH
        // computes it before): the two differ only when the block changes what the return reads.
        return ctx.finallyTo ? mk('join', n, [{ to: ctx.finallyTo(ret), kind: 'finally' }]) : ret;
      }
      case 'goto_statement': {
        const label = textOf(field(n, 'label')) ?? '';
        return mk('goto', n, [{ to: labelNode(label), kind: 'goto', label }]);
      }
      case 'labeled_statement': {
        const label = textOf(field(n, 'label')) ?? '';
        const id = labelNode(label);
        nodes[id].ast = n;
        const body = stmtChildren(n).filter((c) => typeOf(c) !== 'statement_identifier');
        nodes[id].succ = [{ to: seq(body, next, inner), kind: 'seq' }];
        return id;
      }
      case 'seh_try_statement':
      case 'try_statement':
        return buildTry(n, next, inner);
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_elif':
      case 'preproc_elifdef':
      case 'preproc_else':
        return buildPreproc(n, next, inner);
      case 'preproc_call':
      case 'preproc_def':
      case 'preproc_function_def':
      case 'preproc_include':
        return next;
      default:
        return mk('stmt', n, [{ to: next, kind: 'seq' }]);
    }
  }

  function buildSwitch(n: Node, next: number, ctx: Ctx): number {
    const s = mk('switch', field(n, 'condition'));
    const body = field(n, 'body');
    const cases = body ? stmtChildren(body).filter((c) => typeOf(c) === 'case_statement') : [];
    const inner: Ctx = { ...ctx, brk: next };
    let fall = next;
    const entries: Array<{ entry: number; value: Node | null }> = [];
    for (let i = cases.length - 1; i >= 0; i--) {
      const value = field(cases[i], 'value');
      const stmts = stmtChildren(cases[i]).filter((c) => c.id !== value?.id);
      fall = seq(stmts, fall, inner);
      entries.unshift({ entry: fall, value });
    }
    let hasDefault = false;
    for (const e of entries) {
      if (e.value) nodes[s].succ.push({ to: e.entry, kind: 'case', label: textOf(e.value), value: e.value });
      else {
        hasDefault = true;
        nodes[s].succ.push({ to: e.entry, kind: 'default', label: 'default' });
      }
    }
    if (!hasDefault) nodes[s].succ.push({ to: next, kind: 'default', label: 'no case matches' });
    return s;
  }

  function buildTry(n: Node, next: number, ctx: Ctx): number {
    const body = field(n, 'body');
    const clauses = stmtChildren(n).filter((c) => c.id !== body?.id);
    const fin = clauses.find((c) => typeOf(c) === 'seh_finally_clause');
    const finBody = fin ? (field(fin, 'body') ?? fin) : null;
    const after = finBody ? build(finBody, next, ctx) : next;
    const j = mk('join', n);
    const outer = ctx.finallyTo;
    // A return in the body runs this __finally, then the enclosing ones (a return in the __finally itself
    // runs only the enclosing ones).
    const finallyTo = finBody ? (to: number): number => build(finBody, outer ? outer(to) : to, ctx) : outer;
    // `break` and `continue` out of the body also leave through the __finally block (each gets its copy).
    const brk = finBody && ctx.brk !== null ? build(finBody, ctx.brk, ctx) : ctx.brk;
    const cont = finBody && ctx.cont !== null ? build(finBody, ctx.cont, ctx) : ctx.cont;
    const bodyEntry = body ? build(body, after, { ...ctx, brk, cont, leave: after, finallyTo }) : after;
    nodes[j].succ.push({ to: bodyEntry, kind: 'seq' });
    // An exception may be raised anywhere in the body; the handler is an alternative path.
    for (const c of clauses) {
      if (typeOf(c) === 'seh_except_clause' || typeOf(c) === 'catch_clause') {
        const hb = field(c, 'body');
        nodes[j].succ.push({ to: hb ? build(hb, after, ctx) : after, kind: typeOf(c) === 'catch_clause' ? 'catch' : 'except' });
      }
    }
    return j;
  }

  function buildPreproc(n: Node, next: number, ctx: Ctx): number {
    const j = mk('join', n);
    const alt = field(n, 'alternative');
    const cond = field(n, 'condition') ?? field(n, 'name');
    const armStmts = stmtChildren(n).filter((c) => c.id !== alt?.id && c.id !== cond?.id);
    const label = typeOf(n) === 'preproc_else' ? '#else' : `${typeOf(n).replace('preproc_', '#')} ${textOf(cond) ?? ''}`.trim();
    nodes[j].succ.push({ to: seq(armStmts, next, ctx), kind: 'ifdef', label });
    if (typeOf(n) !== 'preproc_else') {
      if (alt) nodes[j].succ.push({ to: buildPreproc(alt, next, ctx), kind: 'ifdef', label: typeOf(alt) === 'preproc_else' ? '#else' : '#elif' });
      else nodes[j].succ.push({ to: next, kind: 'ifdef', label: `not ${label}` });
    }
    return j;
  }

  const first = build(body, exit, { brk: null, cont: null, leave: null, finallyTo: null, depth: 0 });
  nodes[entry].succ.push({ to: first, kind: 'seq' });
  return { nodes, entry, exit, truncatedNesting };
}
