package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	s := "héllo, 世界"
	for i, r := range s {
		if unicode.IsLetter(r) {
			fmt.Println(i, string(r))
		}
	}
	fmt.Println(len(s), s[0], s[1:3], strings.ToUpper(s))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d;", i)
		b.WriteString("x")
		b.WriteByte('-')
		b.WriteRune('é')
	}
	fmt.Println(b.String(), b.Len())
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f, _ := strconv.ParseFloat("1.5", 64)
	i64, _ := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(f, i64, strconv.Quote("a\n"), strconv.FormatInt(255, 2))
	fields := strings.Fields("  a b  c ")
	parts := strings.Split("a,b,c", ",")
	fmt.Println(fields, parts, strings.Contains(s, "llo"), strings.Repeat("ab", 3))
	fmt.Println(strings.HasPrefix(s, "hé"), strings.TrimSpace("  x "), strings.Map(unicode.ToUpper, "abc"))
	var r rune = 'a'
	var by byte = 'b'
	fmt.Println(r+1, by+1, string(rune(by)))
}
