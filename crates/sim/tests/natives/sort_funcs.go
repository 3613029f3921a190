// sort: typed sorts (NaNs first), AreSorted checks, and sort.Slice/SliceStable
// on structs, through the reflection stand-ins.
package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

func main() {
	ints := []int{5, -1, 8, 2, 2, 9, 0, -7}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints), sort.IntsAreSorted([]int{2, 1}))
	nan := 0.0
	nan = nan / nan
	fl := []float64{2.5, nan, -1, 3, nan, 0}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl), sort.Float64sAreSorted([]float64{1, nan}))
	strs := []string{"pear", "Apple", "apple", "banana", "", "é"}
	sort.Strings(strs)
	fmt.Printf("%q %v\n", strs, sort.StringsAreSorted(strs))
	people := []person{{"ana", 30}, {"bia", 25}, {"caio", 30}, {"davi", 25}, {"eva", 41}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	sort.Slice(people, func(i, j int) bool { return people[i].name > people[j].name })
	fmt.Println(people, sort.SliceIsSorted(people, func(i, j int) bool { return people[i].name > people[j].name }))
	first := &people[0]
	sort.Slice(people, func(i, j int) bool { return people[i].name < people[j].name })
	fmt.Println(first.name, people[0].name)
	big := make([]int, 100)
	for i := range big {
		big[i] = (i * 37) % 101
	}
	sort.Ints(big)
	fmt.Println(big[0], big[50], big[99], sort.SearchInts(big, 50))
	var empty []int
	sort.Ints(empty)
	sort.Slice(empty, func(i, j int) bool { return false })
	fmt.Println(empty == nil, len(empty))
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(42, func(i, j int) bool { return false })
}

// Output:
// [-7 -1 0 2 2 5 8 9] true false
// [NaN NaN -1 0 2.5 3] true false
// ["" "Apple" "apple" "banana" "pear" "é"] true
// [{bia 25} {davi 25} {ana 30} {caio 30} {eva 41}]
// [{eva 41} {davi 25} {caio 30} {bia 25} {ana 30}] true
// ana ana
// 0 50 100 50
// true 0
// recovered: reflect: call of Swapper on int Value
