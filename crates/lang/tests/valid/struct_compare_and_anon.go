package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	a := Point{1, 2}
	b := Point{Y: 2, X: 1}
	fmt.Println(a == b, a != Point{})
	anon := struct {
		Name string
		Tags []string
	}{"x", []string{"t"}}
	fmt.Println(anon.Name, len(anon.Tags))
	pts := []*Point{{1, 1}, &Point{2, 2}}
	for _, p := range pts {
		p.X++
	}
	fmt.Println(*pts[0], pts[1].X)
	var e struct{}
	set := map[string]struct{}{"a": e}
	_, ok := set["a"]
	fmt.Println(ok)
	arr := [2]Point{}
	arr[0].X = 5
	fmt.Println(arr == [2]Point{{5, 0}, {0, 0}})
	var iface interface{} = a
	fmt.Println(iface == b)
}
