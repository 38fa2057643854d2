using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using Grammar = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

/// <summary>
/// The generated parser, silenced (no console output) and guarded against stack exhaustion: every rule entry
/// checks that enough stack is left, so pathological input fails with <see cref="InsufficientExecutionStackException"/>
/// (mapped to <see cref="AdqlErrorCode.NestingTooDeep"/>) instead of crashing the process.
/// </summary>
internal sealed class GuardedGrammarParser : Grammar
{
    public GuardedGrammarParser(ITokenStream input)
        : base(input, TextWriter.Null, TextWriter.Null)
    {
        RemoveErrorListeners();
    }

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }
}
