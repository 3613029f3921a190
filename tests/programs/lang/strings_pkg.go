// Language: common functions of the strings package and strings.Builder.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  Go is fun, go is fast  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.ToUpper(t), strings.ToLower(t))
	fmt.Println(strings.Contains(t, "fun"), strings.HasPrefix(t, "Go"), strings.HasSuffix(t, "!"))
	fmt.Println(strings.Index(t, "is"), strings.LastIndex(t, "is"), strings.Count(t, "is"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace(t, "is", "IS", 1), strings.ReplaceAll(t, "is", "IS"))
	fmt.Println(strings.ContainsRune(t, 'f'), strings.EqualFold("Go", "GO"))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	b.WriteByte('.')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
}

// Output:
// "Go is fun, go is fast"
// GO IS FUN, GO IS FAST go is fun, go is fast
// true true false
// 3 14 2
// ["a" "b" "" "c"]
// ["Go" "is" "fun," "go" "is" "fast"]
// x-y-z
// ababab Go IS fun, go is fast Go IS fun, go IS fast
// true true
// 0;1;2;end.é 12
// hixx file
// key value true
