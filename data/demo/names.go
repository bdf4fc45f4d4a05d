package demo

import (
	"math/rand/v2"
	"time"

	"dangjian/data/civil"
	"dangjian/data/idcard"
)

// Common surnames and given-name characters, so demo rosters read like real ones.
var (
	surnames    = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	givenChars  = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志坚文斌宇浩凯鑫宁晨晓雪梅琳婷颖欣悦博思睿哲瑞峰岩松海波涵琪")
	ethnicities = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "蒙古族", "壮族"}
	regions     = []string{"340104", "340111", "340102", "320102", "110105", "420106", "370102", "410105", "510107", "330106"}
	educations  = []string{"博士研究生", "博士研究生", "硕士研究生", "硕士研究生", "大学本科", "大学本科", "大学专科"}
	titles      = []string{"研究员", "副研究员", "助理研究员", "研究实习员", "高级工程师", "工程师", "正高级工程师", "会计师", "经济师", ""}
)

// gen makes people deterministically from a seed, so the demo and benchmarks are repeatable.
type gen struct {
	r    *rand.Rand
	seen map[string]bool
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed*7+1)), seen: map[string]bool{}}
}

func (g *gen) name() string {
	n := string(surnames[g.r.IntN(len(surnames))]) + string(givenChars[g.r.IntN(len(givenChars))])
	if g.r.IntN(3) > 0 {
		n += string(givenChars[g.r.IntN(len(givenChars))])
	}
	return n
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// person returns a birth date, a gender and an ID number that agree with each other.
func (g *gen) person(minYear, maxYear int) (birth time.Time, male bool, id string) {
	for {
		birth = civil.Date(minYear+g.r.IntN(maxYear-minYear+1), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
		male = g.r.IntN(100) < 62
		id = idcard.Make(g.pick(regions), birth, g.r.IntN(100), male)
		if !g.seen[id] {
			g.seen[id] = true
			return
		}
	}
}

func (g *gen) phone() string {
	return "1" + []string{"39", "38", "51", "58", "77", "86", "88"}[g.r.IntN(7)] + digits(g.r, 8)
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}
