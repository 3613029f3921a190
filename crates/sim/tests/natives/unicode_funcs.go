// unicode: classes and case mappings by Go's Unicode 15 tables.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', '$', '_', '!', ' ', 'ª', 'ß', 'İ', 'ı', 'ǆ', 'ǅ', 'k', '\u0085', '\u00a0', '\u200b', '\u3000', '٣', '¿', 'Ā', 'ā', 'Σ', 'ς', '😀', -1, 0x110000} {
		fmt.Printf("%U %v %v %v %v %v %v %U %U\n", r, unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsDigit(r), unicode.IsPunct(r), unicode.IsSpace(r), unicode.ToUpper(r), unicode.ToLower(r))
	}
}

// Output:
// U+0061 true false true false false false U+0041 U+0061
// U+005A true true false false false false U+005A U+007A
// U+0035 false false false true false false U+0035 U+0035
// U+0024 false false false false false false U+0024 U+0024
// U+005F false false false false true false U+005F U+005F
// U+0021 false false false false true false U+0021 U+0021
// U+0020 false false false false false true U+0020 U+0020
// U+00AA true false false false false false U+00AA U+00AA
// U+00DF true false true false false false U+00DF U+00DF
// U+0130 true true false false false false U+0130 U+0069
// U+0131 true false true false false false U+0049 U+0131
// U+01C6 true false true false false false U+01C4 U+01C6
// U+01C5 true false false false false false U+01C4 U+01C6
// U+006B true false true false false false U+004B U+006B
// U+0085 false false false false false true U+0085 U+0085
// U+00A0 false false false false false true U+00A0 U+00A0
// U+200B false false false false false false U+200B U+200B
// U+3000 false false false false false true U+3000 U+3000
// U+0663 false false false true false false U+0663 U+0663
// U+00BF false false false false true false U+00BF U+00BF
// U+0100 true true false false false false U+0100 U+0101
// U+0101 true false true false false false U+0100 U+0101
// U+03A3 true true false false false false U+03A3 U+03C3
// U+03C2 true false true false false false U+03A3 U+03C2
// U+1F600 false false false false false false U+1F600 U+1F600
// U+FFFFFFFFFFFFFFFF false false false false false false U+FFFFFFFFFFFFFFFF U+FFFFFFFFFFFFFFFF
// U+110000 false false false false false false U+110000 U+110000
