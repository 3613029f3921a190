// Language: the common fmt.Printf verbs.
package main

import "fmt"

type Point struct {
	X, Y int
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%v|%+v|%T\n", p, p, p)
	fmt.Printf("%v|%+v\n", &p, []Point{p})
	fmt.Printf("%d|%5d|%-5d|%05d\n", 42, 42, 42, 42)
	fmt.Printf("%s|%q|%10s|%-10s|\n", "go", "go", "go", "go")
	fmt.Printf("%t|%v\n", true, false)
	fmt.Printf("%x|%X|%o|%b|%#x\n", 255, 255, 8, 5, 255)
	fmt.Printf("%c|%q|%U\n", 'G', 'G', 'G')
	fmt.Printf("%f|%.2f|%6.1f|%g\n", 3.14159, 3.14159, 3.14159, 3.14159)
	fmt.Printf("%T|%T|%T|%T\n", 1, "s", 1.5, []string{})
	fmt.Printf("100%%\n")
	fmt.Printf("%v|%v|%v\n", nil, []int(nil), map[string]int(nil))
	fmt.Printf("%d %s\n", "wrong", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
}

// Output:
// {1 2}|{X:1 Y:2}|main.Point
// &{1 2}|[{X:1 Y:2}]
// 42|   42|42   |00042
// go|"go"|        go|go        |
// true|false
// ff|FF|10|101|0xff
// G|'G'|U+0047
// 3.141590|3.14|   3.1|3.14159
// int|string|float64|[]string
// 100%
// <nil>|[]|map[]
// %!d(string=wrong) %!s(int=5)
// 1
// %!(EXTRA int=2)1 %!d(MISSING)
