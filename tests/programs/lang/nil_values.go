// Language: the zero values and how fmt prints nil slices, maps, pointers and interfaces.
package main

import "fmt"

func main() {
	var s []int
	var m map[string]int
	var p *int
	var e error
	var i interface{}
	var f func()
	var c chan int
	fmt.Println(s, m, p, e, i, f == nil, c)
	fmt.Println(s == nil, len(s), cap(s), len(m), m["x"])
	empty := []int{}
	fmt.Println(empty, empty == nil)
	s = append(s, 1)
	fmt.Println(s)
	fmt.Printf("%v %d %q %v %v\n", 0, 0.0 == 0, "", false, struct{}{})
	for range m {
		fmt.Println("never")
	}
	fmt.Println("done")
}

// Output:
// [] map[] <nil> <nil> <nil> true <nil>
// true 0 0 0 0
// [] false
// [1]
// 0 %!d(bool=true) "" false {}
// done
