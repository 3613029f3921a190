// Language: pointers, new, and escaping locals.
package main

import "fmt"

func newCounter() *int {
	n := 10
	return &n
}

func swap(a, b *int) {
	*a, *b = *b, *a
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	p := newCounter()
	*p++
	fmt.Println(*p)
	q := new(string)
	fmt.Printf("%q\n", *q)
	*q = "set"
	fmt.Println(*q)
	var nilPtr *int
	fmt.Println(nilPtr == nil, nilPtr)
	pp := &p
	**pp = 99
	fmt.Println(*p)
}

// Output:
// 2 1
// 11
// ""
// set
// true <nil>
// 99
