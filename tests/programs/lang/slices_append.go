// Language: append grows the capacity (doubling while small, then more slowly, rounded up
// to allocation size classes); slices of one array share it.
package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	lastCap := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != lastCap {
			fmt.Printf("len=%d cap=%d\n", len(s), cap(s))
			lastCap = cap(s)
		}
	}
	b := []byte{}
	lastCap = -1
	for i := 0; i < 100; i++ {
		b = append(b, 'x')
		if cap(b) != lastCap {
			fmt.Printf("bytes len=%d cap=%d\n", len(b), cap(b))
			lastCap = cap(b)
		}
	}
	a := []int{1, 2, 3, 4, 5}
	t := a[1:3]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 99)
	fmt.Println(a)
	u := append([]int{}, a...)
	u[0] = -1
	fmt.Println(a[0], u[0])
	fmt.Println(append([]int{1, 2}, 3, 4, 5))
}

// Output:
// true 0 0
// len=1 cap=1
// len=2 cap=2
// len=3 cap=4
// len=5 cap=8
// len=9 cap=16
// len=17 cap=32
// len=33 cap=64
// len=65 cap=128
// len=129 cap=256
// len=257 cap=512
// len=513 cap=848
// len=849 cap=1280
// len=1281 cap=1792
// len=1793 cap=2560
// bytes len=1 cap=8
// bytes len=9 cap=16
// bytes len=17 cap=32
// bytes len=33 cap=64
// bytes len=65 cap=128
// [2 3] 2 4
// [1 2 3 99 5]
// 1 -1
// [1 2 3 4 5]
