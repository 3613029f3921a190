package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	switch x := 2; x {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three")
	}
	k := 0
	for k < 3 {
		k++
	}
	for {
		if k > 5 {
			break
		}
		k++
	}
	if v := classify(k); v == "even" {
		fmt.Println(v)
	} else if v == "odd" {
		fmt.Println("odd!")
	} else {
		fmt.Println(v)
	}
	i := 0
loop:
	if i < 2 {
		i++
		goto loop
	}
	fmt.Println(i)
}
