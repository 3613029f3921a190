// Language: switch cases do not fall through unless told to; switch without a tag.
package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, n := range []int{1, 2, 3, 5} {
		switch n {
		case 1:
			fmt.Println(n, "one")
			fallthrough
		case 2:
			fmt.Println(n, "one or two")
		case 3, 4:
			fmt.Println(n, "three or four")
		default:
			fmt.Println(n, "many")
		}
	}
	fmt.Println(grade(95), grade(85), grade(10))
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		if x > 4 {
			break
		}
		fmt.Println("unreachable")
	}
}

// Output:
// 1 one
// 1 one or two
// 2 one or two
// 3 three or four
// 5 many
// A B C
// big
