package org.waymark.people.matching.synthetic;

/**
 * Name pools by heritage, most common first (weights fall with rank). Written from general
 * knowledge of names common in England, Scotland, Wales and Northern Ireland and in the UK's larger
 * communities of South Asian, Polish, Romanian, Somali, Nigerian, Ghanaian, Chinese and Caribbean
 * heritage.
 */
final class NamePools {

    /** A heritage group: its share of the population and its names. */
    record Group(String name, double share, String[] male, String[] female, String[] surnames,
            boolean femaleSurnameForm, double swapNames) {
    }

    static final Group[] GROUPS = {
        new Group("english", 0.58,
            s("oliver george harry jack jacob noah charlie thomas james william joshua daniel michael david john paul "
                + "mark andrew richard robert christopher matthew steven stephen peter anthony edward samuel benjamin "
                + "alexander joseph ryan adam luke lewis callum liam connor kyle jake ben tom dan chris nathan jamie "
                + "gary wayne darren lee dean craig carl neil simon ian kevin alan brian keith colin graham martin "
                + "philip nicholas jonathan timothy henry alfie archie oscar leo freddie arthur ethan mason logan "
                + "harrison dylan toby max reuben stanley albert frederick ronald kenneth raymond dennis derek trevor"),
            s("olivia amelia isla ava emily sophia grace mia poppy ella lily jessica chloe charlotte sophie hannah "
                + "lucy emma sarah laura rebecca katie catherine elizabeth victoria rachel claire helen nicola "
                + "michelle louise kelly lisa joanne amanda susan karen julie deborah tracey sharon jennifer "
                + "jacqueline margaret patricia linda barbara christine carol janet gillian alison samantha natalie "
                + "danielle stacey gemma kirsty hayley leanne amy lauren megan bethany abigail eleanor evie freya "
                + "isabella matilda rosie phoebe scarlett ruby daisy millie alice florence harriet jade shannon "
                + "zoe kayleigh jodie melissa vanessa yvonne valerie pauline maureen dorothy joan sheila"),
            s("smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright "
                + "walker white edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper "
                + "hill ward morris moore clark lee king baker harrison morgan allen james scott phillips watson "
                + "davis parker price bennett young griffiths mitchell kelly cook carter richardson bailey collins "
                + "bell shaw murphy miller cox richards khan marshall anderson simpson ellis adams singh begum "
                + "wilkinson foster chapman powell webb rogers gray mason ali hunt hussain campbell matthews owen "
                + "palmer holmes mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon "
                + "harvey graham pearson ahmed fletcher walsh kaur gibson howard andrews stewart elliott reynolds "
                + "saunders payne fox ford pearce day brooks west lawrence cole atkinson bradley spencer gill dawson "
                + "ball burton o'brien watts rose booth perry ryan grant wells armstrong francis rees hayes hart "
                + "hudson newman barrett webster hunter gregory carr lowe page marsh riley dunn woods parsons berry "
                + "stone reid holland hawkins harding porter robertson newton oliver reed kennedy williamson bird "
                + "gardner shah dean lane cooke bates henderson parry burgess bishop walton burns nicholson shepherd "
                + "ross cross long freeman warren nicholls hamilton byrne sutton mcdonald yates hodgson robson "
                + "curtis hopkins o'connor harper coleman watkins moss mcdonald-smith smith-jones"),
            false, 0.015),
        new Group("scottish", 0.06,
            s("james jack lewis callum ryan jamie daniel kyle ross fraser euan scott craig stuart iain alistair "
                + "hamish angus lachlan finlay calum gregor duncan andrew john david alexander robert murray"),
            s("isla olivia emily sophie ava amelia eilidh ella kirsty fiona morag ailsa catriona shona heather "
                + "mhairi rhona lorna elaine margaret janet jean isobel moira leanne nicola"),
            s("smith brown wilson robertson thomson campbell stewart anderson macdonald scott reid murray taylor "
                + "clark ross young mitchell watson paterson morrison fraser mcdonald mackenzie mackay henderson "
                + "johnston hamilton graham kerr grant mclean mcintyre mcgregor buchanan cameron sinclair munro "
                + "ferguson mcleod kennedy"),
            false, 0.01),
        new Group("welsh", 0.04,
            s("rhys dafydd gareth owain dylan ieuan huw emyr geraint aled gethin osian ioan steffan tomos iwan "
                + "llewellyn evan morgan carwyn"),
            s("sian cerys bethan megan ffion carys seren nia angharad rhiannon gwen eleri catrin lowri manon "
                + "mared elin heledd gwyneth bronwen"),
            s("jones williams davies evans thomas roberts hughes lewis morgan griffiths price rees jenkins owen "
                + "james edwards phillips morris powell pritchard parry vaughan bowen howells lloyd llewellyn "
                + "prosser pugh rowlands"),
            false, 0.01),
        new Group("irish", 0.04,
            s("sean ciaran padraig conor niall declan cormac eoin darragh cathal fergal oisin colm brendan "
                + "dermot kieran liam aidan ronan shane"),
            s("niamh aoife siobhan ciara saoirse roisin grainne orla sinead caoimhe mairead aisling clodagh "
                + "deirdre eimear fionnuala bridget maeve nuala una"),
            s("murphy kelly o'sullivan walsh o'brien byrne ryan o'connor o'neill o'reilly doyle mccarthy gallagher "
                + "o'doherty kennedy lynch murray quinn moore mcloughlin o'carroll connolly daly o'connell "
                + "brennan fitzgerald maguire mcmahon donnelly"),
            false, 0.01),
        new Group("south_asian", 0.09,
            s("mohammed muhammad ahmed ali imran bilal hamza usman zahid tariq asif khalid rizwan shahid irfan "
                + "omar yusuf ibrahim hassan hussain abdul deepak rajesh sanjay vikram arjun ravi anil sunil "
                + "amandeep gurpreet harjit jaspreet manpreet sandeep kuldeep rajinder sukhvinder navdeep "
                + "mahesh suresh ramesh dinesh rakesh vijay ajay krishna faisal kamran"),
            s("fatima ayesha zainab maryam khadija amina nadia sana samira rukhsana nasreen parveen shabana "
                + "rubina farida jamila shazia nusrat tahmina priya sunita anita kavita geeta lakshmi shanti "
                + "simran harpreet gurpreet manpreet jaspreet rajinder parminder balvinder kiran pooja neha "
                + "anjali deepa meena asha sabrina yasmin"),
            s("khan ahmed hussain ali patel singh kaur begum akhtar shah iqbal rahman chowdhury islam mahmood "
                + "sharma gill sandhu bibi miah uddin malik butt qureshi aslam javed mirza sheikh siddiqui anwar "
                + "hussein choudhury bashir rashid karim sidhu dhillon grewal johal bains sohal mistry parmar "
                + "chauhan joshi kumar"),
            false, 0.03),
        new Group("polish", 0.03,
            s("jakub kacper szymon filip jan mateusz michał bartosz wojciech tomasz łukasz piotr paweł marcin "
                + "krzysztof grzegorz adam dawid kamil marek andrzej zbigniew"),
            s("zuzanna julia maja zofia hanna lena aleksandra natalia agnieszka katarzyna małgorzata joanna "
                + "magdalena monika ewa anna barbara dorota karolina justyna paulina marta"),
            s("nowak kowalski wiśniewski wójcik kowalczyk kamiński lewandowski zieliński szymański woźniak "
                + "dąbrowski kozłowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski nowakowski "
                + "pawłowski michalski nowicki adamczyk dudek zając wieczorek jabłoński król majewski olszewski"),
            true, 0.01),
        new Group("romanian", 0.015,
            s("andrei alexandru ionut mihai stefan gabriel florin marius adrian cristian bogdan vasile gheorghe "
                + "constantin daniel razvan"),
            s("maria elena ioana andreea alina cristina mihaela gabriela adriana daniela florentina roxana "
                + "simona larisa bianca"),
            s("popescu ionescu popa pop radu dumitru stan stoica gheorghe matei ciobanu rusu munteanu "
                + "constantin florea moldovan lungu dinu"),
            false, 0.02),
        new Group("somali", 0.012,
            s("mohamed abdi abdirahman abdullahi ahmed ali hassan hussein ibrahim ismail omar yusuf mustafa "
                + "abdulkadir osman farah liban guled mahad"),
            s("amina fadumo hodan ayan hawa halima khadija sahra nasra hibo ifrah deeqa ubah zamzam asha "
                + "faisa sagal hamdi"),
            s("mohamed ali hassan abdi ahmed omar farah osman warsame jama ismail yusuf hussein abdullahi "
                + "aden egal dahir noor gure"),
            false, 0.12),
        new Group("nigerian", 0.015,
            s("oluwaseun adebayo chukwuemeka olumide babatunde olusegun emeka chinedu femi tunde segun "
                + "kayode ifeanyi obinna uche tobi david samuel daniel emmanuel"),
            s("ngozi chiamaka funmilayo folasade abimbola temitope oluwakemi adaeze chidinma nkechi ifeoma "
                + "blessing precious grace favour esther bukola yetunde titilayo"),
            s("adeyemi okafor okonkwo oyelaran adebayo babatunde eze nwosu ogunleye olawale balogun obi "
                + "adeleke afolabi akinola okoro nwachukwu oyewole ojo okeke uchenna ibrahim"),
            false, 0.05),
        new Group("ghanaian", 0.006,
            s("kwame kofi kwabena yaw kojo kwesi emmanuel isaac prince"),
            s("akua ama abena adwoa efua yaa esi afua comfort"),
            s("mensah owusu boateng asante osei agyeman appiah darko amoah addo ofori"),
            false, 0.05),
        new Group("chinese", 0.012,
            s("wei jun jian hao ming lei tao yong hui bo chen kai"),
            s("mei ying li xiaoming ling hui yan fang jing na xin yu"),
            s("wang li zhang chen liu yang huang zhao wu zhou xu sun ma zhu hu guo lin he wong chan lee cheung "
                + "lam ng"),
            false, 0.15),
        new Group("caribbean", 0.02,
            s("delroy winston marcus leroy errol desmond clive lloyd neville junior wesley everton devon "
                + "andre tyrone jermaine"),
            s("beverley marlene paulette sonia maxine jacqueline yvonne hyacinth charmaine donna tanisha "
                + "shanice keisha aaliyah"),
            s("campbell brown williams clarke grant francis thompson reid spencer mckenzie johnson samuels "
                + "bailey richards barrett mcfarlane edwards gordon henry morgan"),
            false, 0.01),
    };

    static final String[] TOWNS = s("london:E london:N london:SE london:SW london:W london:NW london:EC "
        + "birmingham:B manchester:M leeds:LS sheffield:S bristol:BS liverpool:L leicester:LE nottingham:NG "
        + "bradford:BD cardiff:CF swansea:SA glasgow:G edinburgh:EH newcastle:NE coventry:CV stoke-on-trent:ST "
        + "preston:PR luton:LU slough:SL reading:RG hull:HU plymouth:PL southampton:SO derby:DE "
        + "wolverhampton:WV oldham:OL blackburn:BB bolton:BL belfast:BT norwich:NR exeter:EX york:YO "
        + "middlesbrough:TS sunderland:SR peterborough:PE cambridge:CB oxford:OX brighton:BN portsmouth:PO "
        + "milton-keynes:MK northampton:NN huddersfield:HD wakefield:WF doncaster:DN aberdeen:AB dundee:DD "
        + "newport:NP wrexham:LL lincoln:LN ipswich:IP chelmsford:CM");

    static final String[] STREETS = s("high church station victoria park mill king queen albert manor orchard "
        + "springfield chapel meadow cemetery grange windsor oak elm beech ash willow cedar holly hawthorn rose "
        + "york stanley clarence warwick cambridge oxford london bridge school north south west east green "
        + "new main hill forest cherry maple lime birch poplar kingsway alexandra richmond grosvenor "
        + "salisbury devonshire cavendish belmont highfield fairfield greenfield woodland riverside "
        + "brook lansdowne marlborough wellington nelson trafalgar milton shakespeare chaucer byron");

    /** Parts of compound street names ("Oakfield", "Ashbury"): real towns have thousands of street names. */
    static final String[] STREET_PREFIXES = s("oak ash elm beech birch holly thorn rose lark wood green brook "
        + "mill church kings queens bishops abbey manor grange park stan black white red long broad high "
        + "west east north south new old fair spring summer winter heath moor marsh lea cole bram hazel "
        + "willow cherry apple pear plum chest lime alder fern heather ivy bell ridge castle bridge well");

    static final String[] STREET_SUFFIXES = s("field wood ley ton hurst dale brook well side gate bury mead "
        + "croft hill worth ford lands moor bank view hollow");

    /** English place-name surnames (Ashworth, Blackburn, Hollingsworth): the long tail of British surnames. */
    static final String[] SURNAME_PREFIXES = s("ash ack ains al ap bar black brad brom bur cal cars chad chat "
        + "clay cliff cross dar dray ers fair farn fen gar gold green hal hart haw hay hey hol hollings horn "
        + "hud kings kirk lang lath ley lind lock mar mid mill moss new nor old pen pick rad rams red ridg "
        + "ross rud sal shap shel silver stan stock stow sut thorn thur tur wal war wat wed whit win wood");

    static final String[] SURNAME_SUFFIXES = s("worth ley ton field wood by ham well ford hurst bury stone "
        + "dale combe more wick shaw croft burn thwaite bridge");

    static final String[] STREET_TYPES = s("street road lane avenue drive close crescent way place gardens "
        + "terrace grove court walk");

    static final String POSTCODE_UNIT = "ABDEFGHJLNPQRSTUWXYZ";

    private NamePools() {
    }

    private static String[] s(String words) {
        return words.trim().split("\\s+");
    }
}
