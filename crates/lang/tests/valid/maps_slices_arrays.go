package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	arr := [5]int{1, 2, 3}
	p := &arr
	for i, v := range p {
		p[i] = v * 2
	}
	s := arr[1:4]
	s = append(s, 10, 11)
	t := make([]int, len(s), 2*cap(s))
	n := copy(t, s)
	fmt.Println(arr, s, t, n, len(arr), cap(s[:2]), s[1:2:3])
	m := map[string][]int{"a": {1}, "b": {2, 3}}
	m["c"] = append(m["c"], 4)
	delete(m, "a")
	if v, ok := m["b"]; ok {
		fmt.Println(v)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(strings.Join(keys, ","))
	grid := [][]string{{"a", "b"}, {"c"}}
	fmt.Println(grid, len(grid[0]))
	bs := []byte("hi")
	bs = append(bs, " there"...)
	fmt.Println(string(bs), []rune("héllo")[1])
	clear(m)
	fmt.Println(len(m), min(3, 1, 2), max(2.5, 1))
	type pt struct{ x, y int }
	pts := map[pt]string{{1, 2}: "a"}
	fmt.Println(pts[pt{1, 2}])
	arr2 := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr2))
}
