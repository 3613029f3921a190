// Language: closures capture variables, not values; each call of the generator gets its own.
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	a, b := counter(), counter()
	fmt.Println(a(), a(), a(), b())
	x := 1
	add := func(d int) { x += d }
	add(10)
	add(5)
	fmt.Println("x =", x)
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("end")
}

// Output:
// 1 2 3 1
// x = 16
// 0 1 4 end
