"""The demo's cases for the inspiration catalogue: fictional, written for DigiKomp's demo, spread over the target
groups (employees by profession, leaders, citizens and the special groups of citizens' digital readiness).

The municipalities are real; the efforts, people, figures and e-mail addresses are made up, and every case says
so at the end of its description. Fields: title, municipality codes, summary, body paragraphs, results, figures,
target groups, competence areas of the national model, types of effort, period (start, end or None), contact.
"""

FICTION = "Fiktivt eksempel skrevet til DigiKomps demo. Kommunen har ikke gennemført indsatsen som beskrevet."

CASES = [
    dict(
        title="Digitale ambassadører i hjemmeplejen",
        municipalities=["751"],
        summary="Hver hjemmeplejegruppe fik en digital ambassadør, der hjælper kollegerne med tablet, fagsystem og "
                "velfærdsteknologi i hverdagen. Færre opkald til it-support og tryggere medarbejdere.",
        body=["Hjemmeplejen oplevede, at mange kolleger var usikre på den mobile dokumentation og de nye "
              "skærmbesøg. Vi uddannede 42 digitale ambassadører på et forløb over tre dage og gav dem to timer "
              "om ugen til at hjælpe kolleger.",
              "Ambassadørerne mødes hver måned i et netværk med it-afdelingen, hvor de deler erfaringer og får nyt "
              "om systemerne først. De står også for introduktionen af nye medarbejdere."],
        results="Opkald til it-support fra hjemmeplejen faldt med en tredjedel på et år, og i kortlægningen steg "
                "andelen, der føler sig sikre i fagsystemet.",
        figures=[("Digitale ambassadører", "42"), ("Færre supportopkald", "33 %"),
                 ("Medarbejdere, der føler sig sikre i fagsystemet", "fra 58 % til 81 %")],
        groups=["sundhed-og-omsorg"], areas=["A1", "B1", "D3"], types=["ambassadoerer", "sidemandsoplaering"],
        period=("2023-02-01", None), contact="Lene Mikkelsen, udviklingskonsulent",
    ),
    dict(
        title="It-café for ældre borgere på hovedbiblioteket",
        municipalities=["461"],
        summary="Hver tirsdag hjælper bibliotekarer og frivillige ældre borgere med MitID, Digital Post og "
                "Sundhedsappen. Kom som du er, med din egen telefon eller tablet.",
        body=["Mange ældre borgere kom i borgerservice med spørgsmål, der tog lang tid at løse ved skranken. Vi "
              "flyttede hjælpen til et roligt lokale på biblioteket, hvor der er tid til at øve sig.",
              "Caféen bemandes af to bibliotekarer og et hold frivillige seniorer, som selv har lært det digitale "
              "sent. Der er kaffe, store skærme og trykte vejledninger med store bogstaver."],
        results="Caféen har haft mere end 1.800 besøg. Borgerservice oplever færre henvendelser om MitID fra ældre.",
        figures=[("Besøg det første år", "1.820"), ("Frivillige hjælpere", "14")],
        groups=["aeldre", "borgere", "borgerservice-og-bibliotek"], areas=["C2"], types=["it-cafe"],
        period=("2022-09-01", None), contact="Birgit Hansen, bibliotekar",
    ),
    dict(
        title="MitID-hjælp for borgere fritaget for Digital Post",
        municipalities=["851"],
        summary="Borgere, der er fritaget for Digital Post, får et personligt tilbud om at lære MitID og Digital "
                "Post i deres eget tempo – eller hjælp til at give en pårørende fuldmagt.",
        body=["Fritagne borgere får i dag deres post på papir, men mange vil gerne kunne selv. Borgerservice "
              "skrev til alle fritagne borgere og tilbød en samtale om, hvad de har brug for.",
              "Nogle lærer MitID-appen på tre korte besøg, andre får hjælp til en fuldmagt, så en datter eller nabo "
              "kan læse posten. Ingen presses til at blive digitale."],
        results="Hver femte, der tog imod tilbuddet, bruger nu selv Digital Post. De øvrige har fået en ordning, de "
                "er trygge ved.",
        figures=[("Borgere, der tog imod tilbuddet", "312"), ("Bruger nu selv Digital Post", "21 %")],
        groups=["fritaget-digital-post", "aeldre"], areas=["C2", "B3"], types=["it-cafe", "kursus"],
        period=("2024-01-15", "2024-12-20"), contact="Jonas Kristensen, teamleder i borgerservice",
    ),
    dict(
        title="Sikker på nettet: phishing-øvelser for alle medarbejdere",
        municipalities=["101"],
        summary="Fire ufarlige phishing-mails om året og et kort e-læringsforløb bagefter har gjort "
                "medarbejderne bedre til at opdage og melde mistænkelige mails.",
        body=["Informationssikkerhed er alles ansvar, men kurser alene ændrede ikke adfærden. Vi sender derfor "
              "øvelsesmails, der ligner de rigtige, og den, der klikker, får straks en kort forklaring.",
              "Resultaterne deles kun samlet og anonymt for store enheder. Ledere får en drejebog til en snak "
              "i teamet om, hvad der gjorde mailen troværdig."],
        results="Andelen, der klikker, er faldet fra 14 til 4 procent, og dobbelt så mange melder mistænkelige "
                "mails.",
        figures=[("Klikrate", "fra 14 % til 4 %"), ("Flere meldte mails", "+ 110 %")],
        groups=["alle-medarbejdere"], areas=["A3"], types=["kampagne", "e-laering"],
        period=("2023-01-01", None), contact="Informationssikkerhedsteamet",
    ),
    dict(
        title="Lederforløb i digital forandringsledelse i Trekantområdet",
        municipalities=["621", "630", "607"],
        summary="Tre kommuner sendte 60 ledere gennem et fælles forløb om at lede digitale forandringer, med "
                "egne projekter mellem modulerne og sparring på tværs.",
        body=["Lederne bad om mere end teori: de ville lede en konkret implementering bedre. Forløbet har fire "
              "moduler, og hver leder arbejder med en forandring i egen enhed.",
              "Lederne mødes i små grupper på tværs af kommunerne mellem modulerne. Gruppen følger hinandens "
              "projekter og fortsætter ofte efter forløbet."],
        results="Lederne vurderer selv, at de er blevet bedre til at forberede medarbejderne på nye systemer. "
                "Tre ud af fire netværksgrupper mødes stadig.",
        figures=[("Ledere", "60"), ("Kommuner", "3"), ("Netværksgrupper, der fortsætter", "75 %")],
        groups=["ledere", "topledelse"], areas=["D3", "D1"], types=["kursus", "netvaerk", "ledelse"],
        period=("2023-09-01", "2024-06-30"), contact="Mette Lund, HR-konsulent",
    ),
    dict(
        title="Kompetencekørekort i kontorsystemerne",
        municipalities=["157"],
        summary="Administrative medarbejdere tager et kørekort i de programmer, de bruger hver dag. Korte moduler, "
                "en test til sidst og et bevis, som lederen ser i MUS-samtalen.",
        body=["En kortlægning viste store forskelle i, hvor godt medarbejderne udnyttede regneark, skabeloner og "
              "fælles drev. Vi byggede et kørekort med otte moduler på hver 20 minutter.",
              "Medarbejderne vælger selv, hvilke moduler de tager, ud fra en kort selvtest. Superbrugere i hver "
              "afdeling hjælper, når nogen går i stå."],
        results="Over 900 medarbejdere har taget mindst tre moduler. Selvvurderingen af basal it-brug steg i "
                "næste kortlægning.",
        figures=[("Medarbejdere med mindst tre moduler", "912")],
        groups=["administration"], areas=["A1"], types=["e-laering"],
        period=("2024-02-01", None), contact="Søren Bech, digitaliseringskonsulent",
    ),
    dict(
        title="Digital selvbetjening på arabisk, somali og tigrinya",
        municipalities=["169"],
        summary="Tosprogede medarbejdere i borgerservice hjælper borgere med svage danskkundskaber med at bruge "
                "selvbetjeningsløsningerne – og laver korte videoer på borgernes sprog.",
        body=["Mange borgere med svage danskkundskaber kunne ikke læse vejledningerne til selvbetjeningen. Vi "
              "samlede de tosprogede medarbejdere og spurgte, hvad borgerne oftest går i stå med.",
              "Resultatet blev tolv korte videoer på fire sprog og faste tider, hvor man kan få hjælp på sit eget "
              "sprog. Videoerne bruges også af sprogskolen."],
        results="Flere borgere klarer nu ansøgninger selv, og ventetiden i borgerservice faldt i de berørte "
                "områder.",
        figures=[("Videoer", "12 på 4 sprog"), ("Visninger", "6.400")],
        groups=["svage-danskkundskaber", "borgere"], areas=["C2", "C1"], types=["it-cafe", "vaerktoej"],
        period=("2024-04-01", None), contact="Amal Yusuf, borgerservicemedarbejder",
    ),
    dict(
        title="Velfærdsteknologi-værksted for nye social- og sundhedsmedarbejdere",
        municipalities=["740"],
        summary="Alle nye SOSU-medarbejdere starter med en dag i et værksted, hvor de prøver medicinrobotter, "
                "skærmbesøg og sensorer, før de møder dem hos borgerne.",
        body=["Nye medarbejdere mødte teknologien første gang hos borgeren og følte sig usikre. Værkstedet er "
              "indrettet som et hjem, hvor man kan øve sig uden at noget kan gå galt.",
              "Erfarne kolleger viser rundt og fortæller, hvordan teknologien ændrer arbejdet – og hvornår den "
              "ikke passer til borgeren."],
        results="Nye medarbejdere vurderer deres kompetence i velfærdsteknologi markant højere efter tre måneder "
                "end tidligere hold.",
        figures=[("Nye medarbejdere om året", "140"), ("Føler sig klar til teknologien", "86 %")],
        groups=["sundhed-og-omsorg"], areas=["A1", "B1"], types=["kursus"],
        period=("2023-05-01", None), contact="Karen Skov, sygeplejerske og underviser",
    ),
    dict(
        title="Ung til ung: digital hjælp i ungdomsskolen",
        municipalities=["265"],
        summary="Unge fra 8. og 9. klasse lærer at hjælpe andre unge med MitID, e-Boks og sikker opførsel på "
                "nettet, når de fylder 15 og får deres egen digitale post.",
        body=["Når unge fylder 15, får de Digital Post, men mange aner ikke, at de har den. Ungdomsskolen tilbød "
              "et hold, hvor unge bliver 'digitale hjælpere' for jævnaldrende.",
              "Hjælperne laver oplæg i klasserne og står for en stand ved skolernes forældremøder."],
        results="Flere unge åbner deres Digital Post, og skolerne har fået en fast rutine omkring 15-årsdagen.",
        figures=[("Digitale hjælpere", "36"), ("Klasser med oplæg", "48")],
        groups=["unge"], areas=["C2", "A3"], types=["sidemandsoplaering"],
        period=("2024-08-15", "2025-06-20"), contact="Rasmus Holm, ungdomsskoleleder",
    ),
    dict(
        title="Tilgængelige dokumenter og hjemmesider",
        municipalities=["147"],
        summary="Kommunikationsmedarbejdere og sagsbehandlere har lært at lave tilgængelige breve, PDF'er og "
                "websider, så borgere med handicap kan læse dem med skærmlæser.",
        body=["Webtilgængelighedsloven stiller krav til alt, vi lægger på nettet. Vi holdt korte kurser og lavede "
              "skabeloner, der er tilgængelige fra starten.",
              "Borgere med synshandicap testede skabelonerne og var med til at undervise."],
        results="Antallet af tilgængelighedsfejl på hjemmesiden er halveret, og skabelonerne bruges i alle "
                "forvaltninger.",
        figures=[("Færre tilgængelighedsfejl", "52 %"), ("Deltagere på kurser", "230")],
        groups=["administration", "handicap"], areas=["C1"], types=["kursus", "vaerktoej"],
        period=("2023-03-01", "2023-12-15"), contact="Camilla Friis, webredaktør",
    ),
    dict(
        title="Videoopkald mod ensomhed på plejecentrene",
        municipalities=["561"],
        summary="Plejecentrene fik tablets med et enkelt videoprogram, og personalet lærte at hjælpe ældre borgere "
                "med at ringe til familien.",
        body=["Under nedlukningen blev det tydeligt, hvor meget kontakten til familien betyder. Vi valgte én "
              "løsning med store knapper og lærte to medarbejdere på hvert plejecenter at hjælpe.",
              "Pårørende fik en kort vejledning, så de også kan tage initiativ til opkald."],
        results="Beboerne har gennemsnitligt to videoopkald om ugen, og personalet bruger mindre tid på at "
                "formidle beskeder.",
        figures=[("Plejecentre", "11"), ("Videoopkald om ugen", "ca. 450")],
        groups=["aeldre", "sundhed-og-omsorg"], areas=["C2", "A1"], types=["vaerktoej", "sidemandsoplaering"],
        period=("2021-03-01", None), contact="Hanne Dahl, leder af plejecenter",
    ),
    dict(
        title="Lærernes løft i digital dannelse",
        municipalities=["730"],
        summary="Alle lærere i udskolingen har deltaget i et forløb om kildekritik, kunstig intelligens og "
                "ophavsret, så de kan undervise eleverne i digital dannelse.",
        body=["Lærerne oplevede, at eleverne brugte sprogmodeller til opgaver uden at kunne vurdere svarene. "
              "Forløbet kombinerer tre workshops med afprøvning i egne klasser.",
              "Pædagogiske læringscentre på skolerne samler materialerne og holder fagteamene opdateret."],
        results="Lærerne vurderer sig bedre rustet, og alle skoler har nu et fælles forløb om kildekritik i "
                "8. klasse.",
        figures=[("Lærere", "310"), ("Skoler", "19")],
        groups=["skole-og-dagtilbud", "unge"], areas=["A2", "B3", "B1"], types=["kursus", "netvaerk"],
        period=("2024-01-08", "2024-12-20"), contact="Peter Vinther, pædagogisk konsulent",
    ),
    dict(
        title="Data i dagtilbudslederens hverdag",
        municipalities=["159"],
        summary="Dagtilbudsledere lærte at læse og bruge data om sprog, trivsel og fremmøde i ledelsen – uden at "
                "miste blikket for det enkelte barn.",
        body=["Lederne havde adgang til mange tal, men brugte dem sjældent. Et forløb med fire møder tog "
              "udgangspunkt i lederens egne data og egne spørgsmål.",
              "Mellem møderne øvede lederne at præsentere tal for personalet og forældrebestyrelsen."],
        results="Lederne bruger data på personalemøder, og forvaltningen har forenklet rapporterne efter deres "
                "ønsker.",
        figures=[("Ledere", "38")],
        groups=["ledere", "skole-og-dagtilbud"], areas=["A2"], types=["kursus", "ledelse"],
        period=("2023-08-15", "2024-03-01"), contact="Louise Brandt, dagtilbudschef",
    ),
    dict(
        title="Kunstig intelligens i sagsbehandlingen – afprøvning med etik",
        municipalities=["751", "101"],
        summary="Sagsbehandlere afprøvede et sprogmodelværktøj til at skrive udkast til breve, med klare regler "
                "for persondata og et etisk råd, der fulgte forsøget.",
        body=["To kommuner lavede et fælles forsøg i afgrænsede sagstyper. Sagsbehandlerne fik undervisning i, "
              "hvad værktøjet kan og ikke kan, og hvornår et udkast skal kasseres.",
              "Et etisk råd med borgerrepræsentanter fulgte forsøget og gav anbefalinger undervejs."],
        results="Udkastene sparede tid i enkle sager, men ikke i komplekse. Reglerne er nu skrevet ind i begge "
                "kommuners retningslinjer.",
        figures=[("Sagsbehandlere i forsøget", "45"), ("Sparet tid i enkle sager", "ca. 20 %")],
        groups=["administration", "socialomraadet"], areas=["B1", "B3"], types=["kursus", "netvaerk"],
        period=("2024-09-01", "2025-03-31"), contact="Anders Møller, chefkonsulent",
    ),
    dict(
        title="Digital hjælp på varmestuer og væresteder",
        municipalities=["101"],
        summary="En medarbejder fra borgerservice kommer fast på tre væresteder og hjælper socialt udsatte borgere "
                "med MitID, post fra kommunen og kontakt til lægen.",
        body=["Socialt udsatte borgere kommer sjældent i borgerservice, men deres sager haster ofte. Vi flyttede "
              "hjælpen derhen, hvor borgerne er.",
              "Medarbejderen samarbejder med værestedernes personale, der kender borgerne og kan følge op."],
        results="Færre borgere mister ydelser, fordi de ikke har læst deres post, og personalet på væreste"
                "derne føler sig bedre klædt på.",
        figures=[("Væresteder", "3"), ("Borgere hjulpet", "410")],
        groups=["socialt-udsatte"], areas=["C2"], types=["it-cafe"],
        period=("2024-03-01", None), contact="Malene Storm, socialrådgiver",
    ),
    dict(
        title="Borgerkontakt på tegnsprog via video",
        municipalities=["860"],
        summary="Døve borgere kan booke et videomøde med tolk, når de har brug for hjælp til en digital "
                "ansøgning. Medarbejderne er trænet i at holde gode videomøder.",
        body=["Døve borgere fortalte, at de ofte opgav digitale ansøgninger. Vi lavede en enkel booking og "
              "trænede medarbejderne i at holde videomøder med tolk.",
              "Borgerne var med til at teste forløbet, og vejledningerne findes nu også som tegnsprogsvideoer."],
        results="Borgerne giver møderne en høj vurdering, og ordningen er udvidet til jobcentret.",
        figures=[("Videomøder", "96"), ("Tilfredse borgere", "92 %")],
        groups=["handicap"], areas=["C2", "C1"], types=["vaerktoej"],
        period=("2023-10-01", None), contact="Thomas Riis, borgerservicechef",
    ),
    dict(
        title="Mobile løsninger og GIS for teknik og miljø",
        municipalities=["657"],
        summary="Medarbejdere på vej og park lærte at bruge tablet og kortløsning i marken, så skader og opgaver "
                "registreres med det samme.",
        body=["Registreringer blev skrevet på papir og tastet ind senere. Vi indførte tablets og holdt korte "
              "kurser i arbejdstiden, tilrettelagt efter sæsonen.",
              "Formændene fik en ekstra dag om at bruge data fra registreringerne i planlægningen."],
        results="Registreringer sker nu samme dag, og planlægningen bruger data fra marken.",
        figures=[("Medarbejdere", "120"), ("Registreringer samme dag", "95 %")],
        groups=["teknik-og-miljoe"], areas=["A1", "A2"], types=["kursus"],
        period=("2023-04-01", "2023-10-31"), contact="Kim Lauridsen, driftsleder",
    ),
    dict(
        title="Seniornetværk: frivillige hjælper ældre borgere med det digitale",
        municipalities=["791"],
        summary="Et netværk af frivillige seniorer hjælper ældre borgere hjemme og på lokalcentrene med MitID, "
                "Digital Post og netbank. Kommunen uddanner og støtter de frivillige.",
        body=["Ældre borgere spørger helst en, der ligner dem selv. Kommunen samarbejder med en ældreforening om "
              "at uddanne frivillige og koordinere besøgene.",
              "De frivillige får to kursusdage og en telefonlinje til kommunen, når de møder noget, de ikke kan "
              "løse – fx en borger, der bør fritages for Digital Post."],
        results="Mere end 600 ældre borgere har fået hjælp, og flere har selv meldt sig som frivillige.",
        figures=[("Frivillige", "38"), ("Ældre borgere hjulpet", "640")],
        groups=["aeldre", "fritaget-digital-post"], areas=["C2"], types=["netvaerk", "it-cafe"],
        period=("2022-01-01", None), contact="Inger Bach, frivilligkoordinator",
    ),
    dict(
        title="Fuldmagt til Digital Post forklaret for pårørende",
        municipalities=["846"],
        summary="En kampagne og en trykt pjece forklarer pårørende, hvordan de kan læse posten for en borger, der "
                "ikke selv kan – og hvad de må og ikke må.",
        body=["Pårørende henvendte sig ofte, fordi de ikke kunne hjælpe en forælder med posten. Vi lavede en pjece "
              "og en kort video sammen med en pårørendeforening.",
              "Medarbejdere i hjemmeplejen har pjecen med, og biblioteket holder åbent hus for pårørende."],
        results="Flere fuldmagter er oprettet korrekt, og borgerservice får færre spørgsmål om adgang til andres "
                "post.",
        figures=[("Pjecer udleveret", "2.300")],
        groups=["fritaget-digital-post", "borgere", "aeldre"], areas=["C2", "B3"], types=["kampagne", "vaerktoej"],
        period=("2024-02-01", "2024-06-30"), contact="Mona Thorsen, kommunikationskonsulent",
    ),
    dict(
        title="Microlearning om persondata på socialområdet",
        municipalities=["615"],
        summary="Korte film på tre minutter om persondata i hverdagen: hvad må du skrive i en mail, hvem må du "
                "dele oplysninger med, og hvad gør du ved et brud?",
        body=["Socialområdet håndterer følsomme oplysninger hver dag. Lange kurser blev glemt, så vi lavede "
              "korte film, der vises på teammøder og diskuteres bagefter.",
              "Hver film slutter med et dilemma fra hverdagen, som teamet tager stilling til."],
        results="Antallet af sikkerhedsbrud om forkert afsendte mails faldt, og flere brud meldes hurtigt.",
        figures=[("Film", "10"), ("Teams", "64")],
        groups=["socialomraadet"], areas=["A3"], types=["e-laering"],
        period=("2024-05-01", None), contact="Julie Andersen, databeskyttelsesrådgiver",
    ),
    dict(
        title="Digitale grundfærdigheder for ledige",
        municipalities=["330"],
        summary="Jobcentret tilbyder ledige et kursus i digitale grundfærdigheder: jobportaler, CV, e-mail og "
                "sikker brug af nettet, tilpasset den enkeltes niveau.",
        body=["Mange ledige har svært ved jobsøgningens digitale krav. Kurset starter med en kort screening og "
              "deler deltagerne på hold efter niveau.",
              "Undervisningen foregår i små hold, og deltagerne kan fortsætte i bibliotekets it-café bagefter."],
        results="Deltagerne søger flere job digitalt, og flere kommer hurtigere i job eller uddannelse.",
        figures=[("Deltagere", "260"), ("Gennemført", "84 %")],
        groups=["borgere", "socialt-udsatte"], areas=["E1", "C2"], types=["kursus"],
        period=("2023-01-01", None), contact="Henrik Nissen, jobkonsulent",
    ),
    dict(
        title="Digital hverdag på dansk i sprogskolen",
        municipalities=["461"],
        summary="Sprogskolen og borgerservice underviser sammen borgere med svage danskkundskaber i de digitale "
                "løsninger, de møder i hverdagen – og i de danske ord, der står på skærmen.",
        body=["Borgere, der lærer dansk, møder samtidig mange digitale løsninger. Vi kombinerede sprogtræning og "
              "digital træning i samme forløb.",
              "Medarbejdere fra borgerservice kommer ud på sprogskolen og viser løsningerne, mens lærerne "
              "arbejder med ordene."],
        results="Deltagerne klarer flere opgaver selv, og borgerservice får færre henvendelser fra de hold, der "
                "har deltaget.",
        figures=[("Hold", "18"), ("Kursister", "290")],
        groups=["svage-danskkundskaber"], areas=["E1", "C2"], types=["kursus"],
        period=("2024-01-01", None), contact="Sara Petersen, sproglærer",
    ),
    dict(
        title="Chefforum for strategisk digital ledelse på Fyn",
        municipalities=["410", "430", "440"],
        summary="Direktører og chefer fra tre fynske kommuner mødes fire gange om året om strategisk digital "
                "ledelse: prioritering, gevinster og kompetencer.",
        body=["Topledelserne ville lære af hinanden uden konsulenter. Hvert møde har et tema, og en kommune "
              "fremlægger en aktuel udfordring.",
              "Forummet har aftalt fælles principper for at følge op på digitale projekter."],
        results="Kommunerne har indført fælles skabeloner til gevinstopfølgning og deler nu udbudsmateriale.",
        figures=[("Kommuner", "3"), ("Møder", "4 om året")],
        groups=["topledelse"], areas=["D3", "D1"], types=["netvaerk", "ledelse"],
        period=("2022-03-01", None), contact="Jens Kofoed, kommunaldirektør",
    ),
    dict(
        title="Softwarerobotter i lønkontoret – udviklet med medarbejderne",
        municipalities=["173"],
        summary="Medarbejderne i løn og personale var med til at finde og bygge de første softwarerobotter. Nu "
                "foreslår de selv nye opgaver til automatisering.",
        body=["I stedet for at indføre robotter udefra fik medarbejderne et kursus i at se deres arbejdsgange med "
              "nye øjne. Tre medarbejdere blev uddannet som robotudviklere.",
              "Ideer vurderes i et fast forum, hvor gevinster og risici vejes sammen."],
        results="Fire robotter sparer tilsammen 1.400 timer om året, og medarbejderne oplever mindre rutinearbejde.",
        figures=[("Robotter", "4"), ("Sparede timer om året", "1.400")],
        groups=["administration"], areas=["D2", "D1"], types=["sidemandsoplaering", "kursus"],
        period=("2023-06-01", None), contact="Pia Gram, lønchef",
    ),
    dict(
        title="Aftaler om digital trivsel i teamet",
        municipalities=["706"],
        summary="Et dialogværktøj hjælper teams med at aftale, hvordan de bruger mail, chat og videomøder – så "
                "digitale kanaler ikke bliver en kilde til stress.",
        body=["Medarbejdere oplevede at være på hele tiden. Arbejdsmiljøorganisationen lavede et enkelt "
              "dialogkort, som teams bruger på et personalemøde.",
              "Lederne fik en kort introduktion til at facilitere samtalen og følge op efter tre måneder."],
        results="Over halvdelen af teamene har nedskrevne aftaler, og trivselsmålingen viser færre, der føler "
                "sig forstyrret.",
        figures=[("Teams med aftaler", "57 %")],
        groups=["alle-medarbejdere", "ledere"], areas=["B1", "C3"], types=["vaerktoej"],
        period=("2024-03-01", "2024-11-30"), contact="Ole Vestergaard, arbejdsmiljøkonsulent",
    ),
    dict(
        title="Digitale sundhedsløsninger for borgere med kronisk sygdom",
        municipalities=["376"],
        summary="Sundhedscentret lærer borgere med KOL og diabetes at bruge Sundhedsappen, videokonsultationer og "
                "målinger derhjemme, så de kan følge deres sygdom.",
        body=["Mange borgere med kronisk sygdom er ældre og usikre på det digitale. Sundhedscentret lagde en "
              "digital del ind i de eksisterende rehabiliteringsforløb.",
              "Borgerne øver med deres egen telefon, og pårørende kan deltage."],
        results="Flere borgere bruger målinger derhjemme, og færre aflyser kontrolbesøg.",
        figures=[("Borgere", "180")],
        groups=["borgere", "aeldre"], areas=["C2"], types=["kursus"],
        period=("2023-09-01", None), contact="Eva Lindberg, sundhedsfaglig konsulent",
    ),
    dict(
        title="Lærende netværk om gevinstrealisering i Sønderjylland",
        municipalities=["580", "540", "510", "550"],
        summary="Projektledere og ledere fra fire kommuner følger deres digitale projekter efter med de samme "
                "metoder og lærer af hinandens resultater.",
        body=["Gevinster blev lovet, men sjældent fulgt op. Netværket aftalte en fælles metode og mødes hvert "
              "kvartal for at se på projekterne.",
              "Hvert møde har et projekt i fokus, hvor de andre kommer med spørgsmål og forslag."],
        results="Alle større projekter har nu en gevinstplan, og netværket har samlet 25 eksempler.",
        figures=[("Kommuner", "4"), ("Projekter fulgt op", "25")],
        groups=["ledere"], areas=["D1"], types=["netvaerk"],
        period=("2023-01-01", None), contact="Birthe Jessen, digitaliseringschef",
    ),
    dict(
        title="Kampagnen 'Spørg os om det digitale'",
        municipalities=["270"],
        summary="Plakater, annoncer og en fast telefontid fortalte borgerne, hvor de kan få hjælp til det digitale "
                "– på biblioteket, i borgerservice og hos frivillige.",
        body=["Tilbuddene fandtes, men borgerne kendte dem ikke. Kampagnen samlede dem under ét budskab og ét "
              "telefonnummer.",
              "Lokalavisen bragte historier om borgere, der havde fået hjælp, og frivillige delte foldere ud i "
              "dagligvarebutikker."],
        results="Henvendelserne om hjælp blev fordoblet i kampagneperioden, især fra ældre borgere.",
        figures=[("Flere henvendelser", "+ 100 %")],
        groups=["borgere", "aeldre"], areas=["C2"], types=["kampagne"],
        period=("2024-09-01", "2024-11-30"), contact="Nanna Eriksen, kommunikationsmedarbejder",
    ),
    dict(
        title="Selvbetjening udviklet sammen med borgere med handicap",
        municipalities=["219"],
        summary="Borgere med forskellige handicap testede kommunens nye selvbetjeningsløsninger, før de blev sat i "
                "drift. Udviklerne lærte at inddrage brugerne tidligt.",
        body=["Et brugerpanel med borgere med syns-, høre- og kognitive handicap tester løsninger tre gange i "
              "udviklingen. Udviklerne deltager selv i testene.",
              "Panelet har også været med til at skrive kommunens principper for tilgængelighed."],
        results="Løsningerne får færre klager, og udviklerne har lavet en tjekliste til alle projekter.",
        figures=[("Borgere i panelet", "16"), ("Testede løsninger", "9")],
        groups=["handicap", "borgere"], areas=["D2", "C1"], types=["vaerktoej", "netvaerk"],
        period=("2023-02-01", None), contact="Mikkel Toft, projektleder",
    ),
    dict(
        title="Unge med autisme lærer digitale hverdagsfærdigheder",
        municipalities=["316"],
        summary="Et forløb på ungdomsuddannelsen lærer unge med autisme at klare MitID, Digital Post og kontakt til "
                "kommunen, i trygge rammer og i deres eget tempo.",
        body=["Unge med autisme bliver ofte afhængige af forældrenes hjælp med det digitale. Forløbet træner de "
              "konkrete opgaver, som den unge møder ved 18-årsdagen.",
              "Hver ung har en fast underviser, og forældrene får en guide til at trække sig gradvist."],
        results="De fleste unge klarer nu selv at læse og svare på post fra kommunen.",
        figures=[("Unge", "24"), ("Klarer selv posten", "79 %")],
        groups=["unge", "handicap"], areas=["C2", "E1"], types=["kursus"],
        period=("2024-08-01", None), contact="Line Aagaard, specialpædagog",
    ),
    dict(
        title="Biblioteket som digitalt knudepunkt på Bornholm",
        municipalities=["400"],
        summary="Bibliotekerne samler alle kurser for borgere i ét katalog: fra første smartphone til netbank og "
                "sikkerhed på nettet, for ældre borgere og alle andre.",
        body=["Kurserne var spredt på mange aktører. Bibliotekerne samler nu tilbuddene og sørger for, at der er "
              "hold i alle byer.",
              "Borgerservice henviser direkte til kurserne, og medarbejderne har lært at spørge ind til "
              "borgerens behov."],
        results="Mere end 1.000 borgere har deltaget på et år, flest ældre borgere.",
        figures=[("Kursusdeltagere", "1.040"), ("Byer med hold", "8")],
        groups=["borgere", "aeldre", "borgerservice-og-bibliotek"], areas=["C2"], types=["kursus", "it-cafe"],
        period=("2023-01-01", None), contact="Kirsten Munk, biblioteksleder",
    ),
    dict(
        title="Skærmbesøg i socialpsykiatrien",
        municipalities=["810"],
        summary="Borgere i socialpsykiatrien kan vælge støttesamtaler på skærm. Medarbejderne er trænet i at "
                "skabe tryghed og kontakt gennem videomøder.",
        body=["Nogle borgere har svært ved fysiske møder, men har brug for hyppig kontakt. Skærmbesøg er et "
              "supplement, som borgeren selv vælger.",
              "Medarbejderne øvede samtaler på skærm i rollespil og fik en vejledning i sikker videokommunikation."],
        results="Færre aflyste aftaler og flere korte kontakter, som borgerne sætter pris på.",
        figures=[("Færre aflyste aftaler", "40 %")],
        groups=["socialomraadet", "socialt-udsatte"], areas=["C2", "A3"], types=["vaerktoej", "kursus"],
        period=("2023-11-01", None), contact="Rikke Holst, afdelingsleder",
    ),
    dict(
        title="Beredskabsøvelse i informationssikkerhed for ledere",
        municipalities=["253"],
        summary="Ledere og direktion øvede et cyberangreb i et realistisk scenarie og lærte, hvem der gør hvad, "
                "når systemerne er nede.",
        body=["Et angreb kan lamme kommunen. Øvelsen tog en halv dag og fulgte et scenarie, hvor fagsystemer og "
              "telefoni forsvinder.",
              "Bagefter opdaterede hver forvaltning sin nødprocedure og sin liste over kritiske opgaver."],
        results="Alle forvaltninger har opdaterede nødprocedurer, og øvelsen gentages hvert år.",
        figures=[("Ledere", "55")],
        groups=["ledere", "topledelse"], areas=["A3"], types=["kursus"],
        period=("2024-10-01", "2024-10-31"), contact="Claus Winther, sikkerhedskoordinator",
    ),
    dict(
        title="Digitalt velkomstforløb for nye medarbejdere",
        municipalities=["766"],
        summary="Nye medarbejdere får et digitalt velkomstforløb med kompetencer i kommunens systemer, "
                "informationssikkerhed og digital kommunikation – og en makker de første uger.",
        body=["Nye medarbejdere fik meget information på én gang. Forløbet fordeler det over de første seks uger "
              "og starter med det vigtigste.",
              "En kollega er makker og hjælper med de lokale systemer og vaner."],
        results="Nye medarbejdere vurderer deres kompetencer højere efter seks uger, og lederne bruger mindre tid "
                "på introduktion.",
        figures=[("Nye medarbejdere om året", "350")],
        groups=["alle-medarbejdere"], areas=["A1", "A3", "C3"], types=["e-laering", "sidemandsoplaering"],
        period=("2024-01-01", None), contact="Tina Kjær, HR-partner",
    ),
    dict(
        title="Kompetenceudvikling af frivillige i ældrerådet",
        municipalities=["306"],
        summary="Ældrerådet og kommunen uddannede medlemmer som digitale rollemodeller, der fortæller om egne "
                "erfaringer og hjælper andre ældre borgere i gang.",
        body=["Ældrerådets medlemmer har stor troværdighed blandt ældre borgere. Kommunen tilbød dem et kort forløb "
              "i de vigtigste løsninger og i at formidle dem.",
              "Rollemodellerne holder oplæg i foreninger og på aktivitetscentre."],
        results="Oplæggene har nået over 700 ældre borgere, og flere er kommet på kursus bagefter.",
        figures=[("Rollemodeller", "12"), ("Ældre borgere nået", "720")],
        groups=["aeldre"], areas=["C2"], types=["netvaerk", "kampagne"],
        period=("2024-02-01", "2024-12-31"), contact="Poul Erik Sand, ældrerådsformand",
    ),
]
