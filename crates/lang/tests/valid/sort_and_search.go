package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.Slice(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age/10 < people[j].Age/10 })
	ints := []int{5, 2, 8}
	sort.Ints(ints)
	i := sort.SearchInts(ints, 5)
	j := sort.Search(len(ints), func(k int) bool { return ints[k] >= 8 })
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints, i, j, sort.IsSorted(ByAge(people)))
}
