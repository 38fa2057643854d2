namespace VoServices.Adql.Ast;

/// <summary>
/// Base of every node of the ADQL abstract syntax tree. Nodes are immutable records with structural equality;
/// <see cref="Span"/> (where the node was written) is deliberately left out of equality so that a tree built
/// from the printed query equals the tree it was printed from. <see cref="ToString"/> gives canonical ADQL
/// (<see cref="AdqlPrinter"/>).
/// </summary>
public abstract record AdqlNode
{
    /// <summary>Position in the parsed text; null for nodes built in code.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Structural equality of the derived record; <see cref="Span"/> is ignored.</summary>
    public virtual bool Equals(AdqlNode? other) =>
        ReferenceEquals(this, other) || (other is not null && EqualityContract == other.EqualityContract);

    /// <summary>Hash of the node type; derived records add their members.</summary>
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>The node as canonical ADQL (<see cref="AdqlPrinter.Print(AdqlNode)"/>).</summary>
    public sealed override string ToString() => AdqlPrinter.Print(this);
}
