// Language: strings are UTF-8 bytes; range walks runes; conversions to []byte and []rune.
package main

import "fmt"

func main() {
	s := "olá, 世界"
	fmt.Println(len(s), len([]rune(s)))
	for i, r := range "aé世" {
		fmt.Printf("%d:%c(%d);", i, r, r)
	}
	fmt.Println()
	fmt.Println(s[0], s[3], string(s[0]), s[:4])
	fmt.Println([]byte("hé"))
	fmt.Println([]rune("hé"))
	fmt.Println(string([]rune{72, 105, 0x4e16}))
	fmt.Println(string(rune(65)), fmt.Sprint('A'))
	b := []byte("hello")
	b[0] = 'J'
	fmt.Println(string(b))
	fmt.Printf("%q %v %x\n", "tab\there", "x" < "y", "hi")
	raw := `a\nb`
	fmt.Println(raw, len(raw))
}

// Output:
// 12 7
// 0:a(97);1:é(233);3:世(19990);
// 111 161 o olá
// [104 195 169]
// [104 233]
// Hi世
// A 65
// Jello
// "tab\there" true 6869
// a\nb 4
