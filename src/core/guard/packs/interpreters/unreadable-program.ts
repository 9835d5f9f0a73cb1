import { defineRule } from '../../rule';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, programOf } from './program';

export default defineRule({
  id: 'interpreters.unreadable-program',
  resource: 'whatever the program Airlock cannot read would change',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a program Airlock cannot read (an unreadable file on standard input, or code held in a variable), so it cannot tell what it does.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    const program = programOf(command, context);
    return program?.unreadable ? { reason: `${program.from} runs ${program.unreadable}, which Airlock cannot read.` } : undefined;
  },
  examples: {
    match: ['python3 < /nonexistent/airlock/cleanup.py', 'node - < /nonexistent/airlock/reset.js', 'python3 -c "$CODE"'],
    noMatch: ['python3 -c "print(1)"', 'python3 app.py', 'node'],
  },
});
