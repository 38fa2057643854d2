/*
 * ADQL 2.1 (IVOA Recommendation) as an ANTLR 4 grammar.
 *
 * Written from the BNF of the standard (Appendix A; the lyonetia copy ADQL-2.1.bnf and ivoa-std/ADQL adql.bnf)
 * with these deliberate choices, each tested in Adql/VoServices.Adql.Tests:
 *  - Left-recursive BNF rules are loops; operator precedence is encoded in `expression`.
 *  - <value_expression> keeps the BNF's typing where the lyonetia suites test it: NULL and the geometry-valued
 *    functions (POINT, CIRCLE, BOX, POLYGON, REGION, CENTROID) are whole value expressions, never operands of
 *    arithmetic or ||; numeric and string operands are otherwise not told apart (the BNF reaches literals,
 *    columns and UDFs from both, so `'30' * 1323` is syntactically valid).
 *  - Geometry constructor arguments are parsed as lists and checked by the AST builder (optional coordinate
 *    system, coordinate pairs vs. <coord_value>, arity): that gives precise errors.
 *  - Optional features of ADQL 2.1 are all here: set operators, WITH, CAST, COALESCE, IN_UNIT, LOWER/UPPER,
 *    ILIKE, bitwise operators, hexadecimal literals (<unsigned_hexadecimal>), OFFSET.
 *  - Extensions beyond the BNF, kept small: CROSS JOIN, LIKE ... ESCAPE, CASE, and scalar subqueries.
 *  - Reserved words (<SQL_reserved_word> + <ADQL_reserved_word>) are tokens, so they cannot be regular identifiers;
 *    COT is the only function name that is not reserved and stays usable as a name.
 *
 * Generated C#: run Adql/tools/generate-grammar.sh (antlr-ng 1.0.10); never edit Generated/ by hand.
 */
grammar Adql;

options { caseInsensitive = true; }

// ===================================================================================== queries

// <query_specification> ::= [ <with_clause> ] <select_expression>
query
    : withClause? selectExpression EOF
    ;

withClause
    : WITH withQuery (COMMA withQuery)*
    ;

withQuery
    : identifier AS LEFT_PAREN selectExpression RIGHT_PAREN
    ;

// <select_expression> ::= <query_set_expression> [ <order_by_clause> ] [ <offset_clause> ]
selectExpression
    : querySetExpression orderByClause? offsetClause?
    ;

// UNION and EXCEPT bind less tightly than INTERSECT (ADQL 2.1 "Set operators"); all are left-associative.
querySetExpression
    : querySetTerm (setOperator = (UNION | EXCEPT) ALL? querySetTerm)*
    ;

querySetTerm
    : querySetPrimary (INTERSECT ALL? querySetPrimary)*
    ;

querySetPrimary
    : selectQuery
    | LEFT_PAREN selectExpression RIGHT_PAREN
    ;

selectQuery
    : SELECT setQuantifier? setLimit? selectList fromClause whereClause? groupByClause? havingClause?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

setLimit
    : TOP UNSIGNED_INTEGER
    ;

selectList
    : ASTERISK
    | selectSublist (COMMA selectSublist)*
    ;

selectSublist
    : qualifiedName PERIOD ASTERISK      # qualifiedAsterisk
    | valueExpression asClause?          # derivedColumn
    ;

asClause
    : AS? identifier
    ;

fromClause
    : FROM tableReference (COMMA tableReference)*
    ;

whereClause
    : WHERE searchCondition
    ;

groupByClause
    : GROUP BY valueExpression (COMMA valueExpression)*
    ;

havingClause
    : HAVING searchCondition
    ;

orderByClause
    : ORDER BY sortSpecification (COMMA sortSpecification)*
    ;

sortSpecification
    : valueExpression direction = (ASC | DESC)?
    ;

offsetClause
    : OFFSET UNSIGNED_INTEGER
    ;

subquery
    : LEFT_PAREN selectExpression RIGHT_PAREN
    ;

// ====================================================================================== tables

// <qualified_join> ::= <table_reference> [ NATURAL ] [ <join_type> ] JOIN <table_reference> [ <join_specification> ]
tableReference
    : tablePrimary joinPart*
    ;

joinPart
    : CROSS JOIN tablePrimary                                  # crossJoin
    | NATURAL? joinType? JOIN tablePrimary joinSpecification?  # qualifiedJoin
    ;

joinType
    : INNER
    | outer = (LEFT | RIGHT | FULL) OUTER?
    ;

joinSpecification
    : ON searchCondition                                       # joinCondition
    | USING LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN   # namedColumnsJoin
    ;

tablePrimary
    : qualifiedName correlationSpecification?                  # namedTable
    | subquery correlationSpecification                        # derivedTable
    | LEFT_PAREN tablePrimary joinPart+ RIGHT_PAREN            # parenthesizedJoin
    ;

correlationSpecification
    : AS? identifier
    ;

// ======================================================================= search conditions

searchCondition
    : booleanTerm (OR booleanTerm)*
    ;

booleanTerm
    : booleanFactor (AND booleanFactor)*
    ;

booleanFactor
    : NOT? booleanPrimary
    ;

booleanPrimary
    : LEFT_PAREN searchCondition RIGHT_PAREN                   # parenthesizedCondition
    | valueExpression predicateTail                            # valuePredicate
    | EXISTS subquery                                          # existsPredicate
    ;

// One prefix (the left operand) for all value predicates keeps SLL prediction short.
predicateTail
    : comparisonOperator valueExpression                                     # comparisonTail
    | NOT? BETWEEN valueExpression AND valueExpression                       # betweenTail
    | NOT? IN subquery                                                       # inSubqueryTail
    | NOT? IN LEFT_PAREN valueExpression (COMMA valueExpression)* RIGHT_PAREN # inListTail
    | NOT? like = (LIKE | ILIKE) valueExpression (ESCAPE characterStringLiteral)? # likeTail
    | IS NOT? NULL                                                           # nullTail
    ;

comparisonOperator
    : EQUALS
    | NOT_EQUALS
    | LESS_THAN
    | GREATER_THAN
    | LESS_THAN_OR_EQUALS
    | GREATER_THAN_OR_EQUALS
    ;

// ======================================================================= value expressions

// <value_expression> ::= NULL | <numeric_value_expression> | <string_value_expression> | <geometry_value_expression>
valueExpression
    : NULL                       # nullValue
    | geometryValueFunction      # geometryValue
    | expression                 # operatorValue
    ;

// Numeric and string value expressions. Earlier alternatives bind more tightly.
expression
    : primary                                                  # primaryExpression
    | op = (PLUS | MINUS | TILDE) expression                   # unaryExpression
    | expression op = (ASTERISK | SOLIDUS) expression          # multiplicativeExpression
    | expression op = (PLUS | MINUS) expression                # additiveExpression
    | expression AMPERSAND expression                          # bitAndExpression
    | expression CIRCUMFLEX expression                         # bitXorExpression
    | expression VERTICAL_BAR expression                       # bitOrExpression
    | expression CONCAT expression                             # concatenationExpression
    ;

primary
    : unsignedLiteral                                          # literalPrimary
    | qualifiedName                                            # columnPrimary
    | setFunction                                              # aggregatePrimary
    | CAST LEFT_PAREN valueExpression AS castTarget RIGHT_PAREN     # castPrimary
    | COALESCE LEFT_PAREN valueExpression (COMMA valueExpression)* RIGHT_PAREN # coalescePrimary
    | IN_UNIT LEFT_PAREN valueExpression COMMA characterStringLiteral RIGHT_PAREN # inUnitPrimary
    | caseExpression                                           # casePrimary
    | builtinFunction                                          # builtinFunctionPrimary
    | REGULAR_IDENTIFIER LEFT_PAREN (valueExpression (COMMA valueExpression)*)? RIGHT_PAREN # userDefinedFunction
    | subquery                                                 # scalarSubquery
    | LEFT_PAREN valueExpression RIGHT_PAREN                   # parenthesizedValue
    ;

unsignedLiteral
    : UNSIGNED_INTEGER
    | EXACT_NUMERIC
    | APPROXIMATE_NUMERIC
    | HEXADECIMAL
    | characterStringLiteral
    ;

// SQL-92 §5.3: adjacent literals separated by a newline are one literal (checked by the AST builder).
characterStringLiteral
    : STRING_LITERAL+
    ;

signedInteger
    : sign = (PLUS | MINUS)? UNSIGNED_INTEGER
    ;

setFunction
    : COUNT LEFT_PAREN ASTERISK RIGHT_PAREN                                            # countAll
    | name = (AVG | MAX | MIN | SUM | COUNT) LEFT_PAREN setQuantifier? valueExpression RIGHT_PAREN # generalSetFunction
    ;

castTarget
    : type = (SMALLINT | INTEGER | BIGINT | REAL | TIMESTAMP | POINT | CIRCLE | POLYGON)  # simpleCastTarget
    | DOUBLE PRECISION                                                                    # doublePrecisionCastTarget
    | type = (CHAR | VARCHAR) (LEFT_PAREN UNSIGNED_INTEGER RIGHT_PAREN)?                 # characterCastTarget
    ;

caseExpression
    : CASE valueExpression simpleWhen+ (ELSE valueExpression)? END     # simpleCase
    | CASE searchedWhen+ (ELSE valueExpression)? END                   # searchedCase
    ;

simpleWhen
    : WHEN valueExpression THEN valueExpression
    ;

searchedWhen
    : WHEN searchCondition THEN valueExpression
    ;

builtinFunction
    : name = (ABS | CEILING | DEGREES | EXP | FLOOR | LOG | LOG10 | RADIANS | SQRT
             | ACOS | ASIN | ATAN | COS | COT | SIN | TAN) LEFT_PAREN expression RIGHT_PAREN  # unaryMathFunction
    | name = (MOD | POWER | ATAN2) LEFT_PAREN expression COMMA expression RIGHT_PAREN   # binaryMathFunction
    | PI LEFT_PAREN RIGHT_PAREN                                                        # piFunction
    | RAND LEFT_PAREN UNSIGNED_INTEGER? RIGHT_PAREN                                     # randFunction
    | name = (ROUND | TRUNCATE) LEFT_PAREN expression (COMMA signedInteger)? RIGHT_PAREN # roundingFunction
    | name = (LOWER | UPPER | COORDSYS | AREA | COORD1 | COORD2) LEFT_PAREN valueExpression RIGHT_PAREN # unaryValueFunction
    | name = (CONTAINS | INTERSECTS) LEFT_PAREN valueExpression COMMA valueExpression RIGHT_PAREN # geometryPredicateFunction
    | DISTANCE LEFT_PAREN valueExpression (COMMA valueExpression)* RIGHT_PAREN          # distanceFunction
    ;

// <geometry_value_function>; arguments are checked by the AST builder.
geometryValueFunction
    : name = (POINT | CIRCLE | BOX | POLYGON) LEFT_PAREN valueExpression (COMMA valueExpression)* RIGHT_PAREN # geometryConstructor
    | REGION LEFT_PAREN characterStringLiteral RIGHT_PAREN                             # regionFunction
    | CENTROID LEFT_PAREN valueExpression RIGHT_PAREN                                  # centroidFunction
    ;

// <table_name>, <column_reference> and <qualifier>: the AST builder checks the number of parts.
qualifiedName
    : identifier (PERIOD identifier)*
    ;

identifier
    : REGULAR_IDENTIFIER
    | DELIMITED_IDENTIFIER
    | COT
    ;

// ====================================================================================== lexer

// --- ADQL reserved words used by the grammar (<ADQL_reserved_word>) ---
ABS: 'ABS';
ACOS: 'ACOS';
AREA: 'AREA';
ASIN: 'ASIN';
ATAN: 'ATAN';
ATAN2: 'ATAN2';
BIGINT: 'BIGINT';
BOX: 'BOX';
CEILING: 'CEILING';
CENTROID: 'CENTROID';
CIRCLE: 'CIRCLE';
CONTAINS: 'CONTAINS';
COORD1: 'COORD1';
COORD2: 'COORD2';
COORDSYS: 'COORDSYS';
COS: 'COS';
// COT is a trigonometric function (<trig_function>) that is not in the reserved word lists.
COT: 'COT';
DEGREES: 'DEGREES';
DISTANCE: 'DISTANCE';
EXP: 'EXP';
FLOOR: 'FLOOR';
ILIKE: 'ILIKE';
INTERSECTS: 'INTERSECTS';
IN_UNIT: 'IN_UNIT';
LOG: 'LOG';
LOG10: 'LOG10';
MOD: 'MOD';
OFFSET: 'OFFSET';
PI: 'PI';
POINT: 'POINT';
POLYGON: 'POLYGON';
POWER: 'POWER';
RADIANS: 'RADIANS';
RAND: 'RAND';
REGION: 'REGION';
ROUND: 'ROUND';
SIN: 'SIN';
SQRT: 'SQRT';
TAN: 'TAN';
TOP: 'TOP';
TRUNCATE: 'TRUNCATE';

// --- SQL-92 reserved words used by the grammar ---
ALL: 'ALL';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
AVG: 'AVG';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHAR: 'CHAR';
COALESCE: 'COALESCE';
COUNT: 'COUNT';
CROSS: 'CROSS';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DOUBLE: 'DOUBLE';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
IN: 'IN';
INNER: 'INNER';
INTEGER: 'INTEGER';
INTERSECT: 'INTERSECT';
IS: 'IS';
JOIN: 'JOIN';
LEFT: 'LEFT';
LIKE: 'LIKE';
LOWER: 'LOWER';
MAX: 'MAX';
MIN: 'MIN';
NATURAL: 'NATURAL';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
PRECISION: 'PRECISION';
REAL: 'REAL';
RIGHT: 'RIGHT';
SELECT: 'SELECT';
SMALLINT: 'SMALLINT';
SUM: 'SUM';
THEN: 'THEN';
TIMESTAMP: 'TIMESTAMP';
UNION: 'UNION';
UPPER: 'UPPER';
USING: 'USING';
VARCHAR: 'VARCHAR';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';

// --- Reserved words the grammar does not use: never regular identifiers (<keyword>) ---
RESERVED_WORD
    : 'ABSOLUTE' | 'ACTION' | 'ADD' | 'ALLOCATE' | 'ALTER' | 'ANY' | 'ARE' | 'ASSERTION' | 'AT'
    | 'AUTHORIZATION' | 'BEGIN' | 'BIT' | 'BIT_AND' | 'BIT_LENGTH' | 'BIT_NOT' | 'BIT_OR' | 'BIT_XOR' | 'BOTH'
    | 'CASCADE' | 'CASCADED' | 'CATALOG' | 'CHARACTER' | 'CHARACTER_LENGTH' | 'CHAR_LENGTH' | 'CHECK' | 'CLOSE'
    | 'COLLATE' | 'COLLATION' | 'COLUMN' | 'COMMIT' | 'CONNECT' | 'CONNECTION' | 'CONSTRAINT' | 'CONSTRAINTS'
    | 'CONTINUE' | 'CONVERT' | 'CORRESPONDING' | 'CREATE' | 'CURRENT' | 'CURRENT_DATE' | 'CURRENT_TIME'
    | 'CURRENT_TIMESTAMP' | 'CURRENT_USER' | 'CURSOR' | 'DATE' | 'DAY' | 'DEALLOCATE' | 'DECIMAL' | 'DECLARE'
    | 'DEFAULT' | 'DEFERRABLE' | 'DEFERRED' | 'DELETE' | 'DESCRIBE' | 'DESCRIPTOR' | 'DIAGNOSTICS'
    | 'DISCONNECT' | 'DOMAIN' | 'DROP' | 'EXCEPTION' | 'EXEC' | 'EXECUTE' | 'EXTERNAL' | 'EXTRACT' | 'FALSE'
    | 'FETCH' | 'FIRST' | 'FLOAT' | 'FOR' | 'FOREIGN' | 'FOUND' | 'GET' | 'GLOBAL' | 'GO' | 'GOTO' | 'GRANT'
    | 'HOUR' | 'IDENTITY' | 'IMMEDIATE' | 'INDICATOR' | 'INITIALLY' | 'INPUT' | 'INSENSITIVE' | 'INSERT' | 'INT'
    | 'INTERVAL' | 'INTO' | 'ISOLATION' | 'KEY' | 'LANGUAGE' | 'LAST' | 'LEADING' | 'LEVEL' | 'LOCAL' | 'MATCH'
    | 'MINUTE' | 'MODULE' | 'MONTH' | 'NAMES' | 'NATIONAL' | 'NCHAR' | 'NEXT' | 'NO' | 'NULLIF' | 'NUMERIC'
    | 'OCTET_LENGTH' | 'OF' | 'ONLY' | 'OPEN' | 'OPTION' | 'OUTPUT' | 'OVERLAPS' | 'PAD' | 'PARTIAL' | 'POSITION'
    | 'PREPARE' | 'PRESERVE' | 'PRIMARY' | 'PRIOR' | 'PRIVILEGES' | 'PROCEDURE' | 'PUBLIC' | 'READ'
    | 'REFERENCES' | 'RELATIVE' | 'RESTRICT' | 'REVOKE' | 'ROLLBACK' | 'ROWS' | 'SCHEMA' | 'SCROLL' | 'SECOND'
    | 'SECTION' | 'SESSION' | 'SESSION_USER' | 'SET' | 'SIZE' | 'SOME' | 'SPACE' | 'SQL' | 'SQLCODE'
    | 'SQLERROR' | 'SQLSTATE' | 'SUBSTRING' | 'SYSTEM_USER' | 'TABLE' | 'TEMPORARY' | 'TIME' | 'TIMEZONE_HOUR'
    | 'TIMEZONE_MINUTE' | 'TO' | 'TRAILING' | 'TRANSACTION' | 'TRANSLATE' | 'TRANSLATION' | 'TRIM' | 'TRUE'
    | 'UNIQUE' | 'UNKNOWN' | 'UPDATE' | 'USAGE' | 'USER' | 'VALUE' | 'VALUES' | 'VARYING' | 'VIEW' | 'WHENEVER'
    | 'WORK' | 'WRITE' | 'YEAR' | 'ZONE'
    ;

// --- identifiers and literals (<regular_identifier>, <delimited_identifier>, <unsigned_literal>) ---
REGULAR_IDENTIFIER: [A-Z] [A-Z0-9_]*;

// Body of one or more characters; "" stands for one double quote.
DELIMITED_IDENTIFIER: '"' (~'"' | '""')+ '"';

STRING_LITERAL: '\'' (~'\'' | '\'\'')* '\'';

HEXADECIMAL: '0X' [0-9A-F]+;
UNSIGNED_INTEGER: DIGIT+;
EXACT_NUMERIC: DIGIT+ '.' DIGIT* | '.' DIGIT+;
APPROXIMATE_NUMERIC: (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) 'E' [+-]? DIGIT+;

fragment DIGIT: [0-9];

// --- operators and punctuation ---
CONCAT: '||';
NOT_EQUALS: '<>' | '!=';
LESS_THAN_OR_EQUALS: '<=';
GREATER_THAN_OR_EQUALS: '>=';
EQUALS: '=';
LESS_THAN: '<';
GREATER_THAN: '>';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
PERIOD: '.';
ASTERISK: '*';
PLUS: '+';
MINUS: '-';
SOLIDUS: '/';
AMPERSAND: '&';
VERTICAL_BAR: '|';
CIRCUMFLEX: '^';
TILDE: '~';

// --- separators (SQL-92 §5.2, ADQL 2.1 erratum 1) ---
COMMENT: '--' ~[\r\n]* -> skip;
WHITESPACE: [ \t\r\n\f\u000B]+ -> skip;

// --- lexical errors become tokens so the parser reports them with a position (never a console message) ---
UNTERMINATED_STRING: '\'' (~'\'' | '\'\'')*;
UNTERMINATED_IDENTIFIER: '"' (~'"' | '""')*;
INVALID_CHARACTER: .;
