package main

import "fmt"

type Vertex struct{ X, Y float64 }

func (v Vertex) Abs() float64 { return v.X*v.X + v.Y*v.Y }

func (v *Vertex) Scale(f float64) {
	v.X *= f
	v.Y *= f
}

type List struct {
	head *node
}

type node struct {
	val  int
	next *node
}

func (l *List) Push(v int) { l.head = &node{v, l.head} }

func (l List) Len() int {
	n := 0
	for p := l.head; p != nil; p = p.next {
		n++
	}
	return n
}

func main() {
	v := Vertex{3, 4}
	v.Scale(2)
	p := &v
	fmt.Println(v.Abs(), p.Abs())
	p.Scale(0.5)
	f := v.Abs
	g := (*Vertex).Scale
	h := Vertex.Abs
	g(p, 2)
	fmt.Println(f(), h(v))
	var l List
	l.Push(1)
	l.Push(2)
	fmt.Println(l.Len())
	vs := []Vertex{{1, 2}}
	vs[0].Scale(3)
	m := map[string]*Vertex{"a": {1, 1}}
	m["a"].Scale(2)
	fmt.Println(vs, *m["a"])
	pv := new(Vertex)
	pv.X = 1
	fmt.Println(*pv)
}
