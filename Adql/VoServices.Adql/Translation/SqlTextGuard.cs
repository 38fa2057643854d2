namespace VoServices.Adql.Translation;

/// <summary>
/// Defence in depth for issue 5 item 5: the translator never copies user text into SQL, and this check proves it for
/// every statement — outside double-quoted identifiers and single-quoted literals there must be no statement separator,
/// no comment opener and no NUL, and every quote must be closed.
/// </summary>
internal static class SqlTextGuard
{
    /// <summary>Throws <see cref="AdqlTranslationException"/> (<see cref="TranslationErrorCode.UnsafeSql"/>) when the text fails.</summary>
    public static void Check(string sql)
    {
        var quote = '\0';
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\0')
            {
                Fail("NUL character");
            }
            if (quote != '\0')
            {
                if (c == quote)
                {
                    // A doubled quote is an escaped quote inside the same token.
                    if (i + 1 < sql.Length && sql[i + 1] == quote)
                    {
                        i++;
                    }
                    else
                    {
                        quote = '\0';
                    }
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case ';':
                    Fail("statement separator");
                    break;
                case '-' when i + 1 < sql.Length && sql[i + 1] == '-':
                    Fail("comment '--'");
                    break;
                case '/' when i + 1 < sql.Length && sql[i + 1] == '*':
                    Fail("comment '/*'");
                    break;
                case '\\':
                    Fail("backslash outside a quoted token");
                    break;
            }
        }
        if (quote != '\0')
        {
            Fail("unclosed quote");
        }
    }

    private static void Fail(string what) =>
        throw new AdqlTranslationException(TranslationErrorCode.UnsafeSql, $"the generated SQL contains a {what} outside quotes");
}
