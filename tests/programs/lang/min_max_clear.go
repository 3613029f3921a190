// Language: the Go 1.21 builtins min, max and clear.
package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("apple", "banana"))
	x, y := 10, -4
	fmt.Println(min(x, y), max(x, y, 0))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(len(m), m)
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(len(s), s)
}

// Output:
// 1 3 1 banana
// -4 10
// 0 map[]
// 3 [0 0 0]
