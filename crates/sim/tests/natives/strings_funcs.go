// strings: searching, splitting, replacing, trimming and case mapping, with
// empty arguments, invalid UTF-8 and non-ASCII letters.
package main

import (
	"fmt"
	"strings"
)

func main() {
	// Built at run time: the playground keeps string constants as UTF-8 text.
	bad := string([]byte{0xff})
	fmt.Println(strings.Contains("seafood", "foo"), strings.Contains("", ""), strings.ContainsRune("añb", 'ñ'), strings.ContainsAny("failure", "ui"), strings.ContainsAny("x", ""))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("héllo", ""), strings.Count("aaaa", "aa"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("x", ""), strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexRune("a"+bad+"b", '\uFFFD'), strings.IndexRune("abc", -1))
	fmt.Println(strings.IndexAny("golang", "y"), strings.IndexAny("chicken", "kmr"), strings.LastIndex("go gopher", "go"), strings.LastIndex("abc", ""), strings.LastIndex("abc", "z"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("k", "\u212a"), strings.EqualFold("straße", "STRAẞE"), strings.EqualFold("a", "ab"), strings.EqualFold("[", "{"))
	fmt.Printf("%q %q %q %q %q\n", strings.Split("a,b,,c", ","), strings.SplitN("a,b,,c", ",", 2), strings.Split("añb", ""), strings.SplitN("añb", "", 2), strings.Split("", ""))
	fmt.Printf("%q %q %v %v\n", strings.Split("", ","), strings.SplitN("a,b", ",", -1), strings.SplitN("a", ",", 0) == nil, len(strings.SplitN("a,b,c", ",", 10)))
	fmt.Printf("%q %q %q\n", strings.Fields("  foo bar\t\nbaz  "), strings.Fields("a\u3000b\u0085c\u200bd"), strings.Fields("   "))
	fmt.Println(strings.Join([]string{"a", "b", "c"}, "-"), strings.Join(nil, ","), strings.Join([]string{"x"}, ", "))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("", 5), strings.Repeat("x", 0) == "")
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1), strings.ReplaceAll("abc", "", "-"), strings.Replace("añ", "", "-", -1), strings.Replace("aaa", "a", "b", 0))
	fmt.Println(strings.Title("her royal_highness"), strings.Title("ǆa hello-world ﬁx"), strings.ToUpper("ßİıǆ héllo"), strings.ToLower("İ HÉLLO"), strings.ToUpper("plain ascii 123"))
	fmt.Printf("%q %q %q\n", strings.ToLower("a"+bad+"B"), strings.Title("ab"+bad), strings.ToUpper(bad))
	fmt.Printf("%q %q %q %q %q\n", strings.Trim("  !!hi!! ", " !"), strings.Trim("¡¡hola!!", "!¡"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"), strings.Trim("abc", ""))
	fmt.Printf("%q %q %q\n", strings.TrimSpace("\u3000 \t hi \n\u0085"), strings.TrimSpace("x "+bad), strings.TrimSpace("   "))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("", ""), strings.Compare("ab", "a"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.TrimPrefix("golang", "go"), strings.TrimSuffix("golang", "ng"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strings.Repeat("x", -1))
}

// Output:
// true true true true false
// 3 5 6 2
// 4 0 2 4 1 -1
// -1 4 3 3 -1
// true true true false false
// ["a" "b" "" "c"] ["a" "b,,c"] ["a" "ñ" "b"] ["a" "ñb"] []
// [""] ["a" "b"] true 3
// ["foo" "bar" "baz"] ["a" "b" "c\u200bd"] []
// a-b-c  x
// ababab  true
// oinky oinky oink moo moo moo -a-b-c- -a-ñ- aaa
// Her Royal_highness ǅa Hello-World ﬁx ßİIǄ HÉLLO i héllo PLAIN ASCII 123
// "a�b" "Ab�" "�"
// "hi" "hola" "hixx" "xxhi" "abc"
// "hi" "x \xff" ""
// -1 1 0 1
// true true lang gola
// key value=x true
// 0;1;2;endé 11
// recovered: strings: negative Repeat count
