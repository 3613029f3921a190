// Tour exercise "Equivalent Binary Trees": walk two random-shaped search trees concurrently
// and compare the sequences. The tiny tree "package" is written inline.
package main

import (
	"fmt"
	"math/rand"
)

type Tree struct {
	Left  *Tree
	Value int
	Right *Tree
}

// newTree builds a randomly shaped search tree holding k, 2k, ..., 10k.
func newTree(k int) *Tree {
	var t *Tree
	for _, v := range rand.Perm(10) {
		t = insert(t, (1+v)*k)
	}
	return t
}

func insert(t *Tree, v int) *Tree {
	if t == nil {
		return &Tree{nil, v, nil}
	}
	if v < t.Value {
		t.Left = insert(t.Left, v)
	} else {
		t.Right = insert(t.Right, v)
	}
	return t
}

func walk(t *Tree, ch chan int) {
	if t == nil {
		return
	}
	walk(t.Left, ch)
	ch <- t.Value
	walk(t.Right, ch)
}

func Walk(t *Tree, ch chan int) {
	walk(t, ch)
	close(ch)
}

func Same(t1, t2 *Tree) bool {
	c1, c2 := make(chan int), make(chan int)
	go Walk(t1, c1)
	go Walk(t2, c2)
	for {
		v1, ok1 := <-c1
		v2, ok2 := <-c2
		if ok1 != ok2 || v1 != v2 {
			return false
		}
		if !ok1 {
			return true
		}
	}
}

func main() {
	ch := make(chan int)
	go Walk(newTree(1), ch)
	var got []int
	for v := range ch {
		got = append(got, v)
	}
	fmt.Println(got)
	fmt.Println(Same(newTree(1), newTree(1)))
	fmt.Println(Same(newTree(1), newTree(2)))
}

// Output:
// [1 2 3 4 5 6 7 8 9 10]
// true
// false
