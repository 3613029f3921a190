package main

import "fmt"

func adder() func(int) int {
	sum := 0
	return func(x int) int {
		sum += x
		return sum
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type op func(a, b int) int

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	pos := adder()
	for i := 0; i < 3; i++ {
		fmt.Println(pos(i))
	}
	double := func(x int) int { return x * 2 }
	fmt.Println(apply([]int{1, 2, 3}, double))
	var add op = func(a, b int) int { return a + b }
	fmt.Println(add(1, 2))
	fmt.Println(divmod(7, 2))
	q, _ := divmod(9, 4)
	fmt.Println(q)
	funcs := []func(){}
	for i := range 3 {
		funcs = append(funcs, func() { fmt.Println(i) })
	}
	for _, f := range funcs {
		f()
	}
}
