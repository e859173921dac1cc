/**
 * Common given names across cultures, for the note linter: a capitalised word in this set is read as a person's
 * name. Typed for this project from common-name lists (US, UK and Irish, Spanish and Latin American, Portuguese,
 * French, Italian, German and Nordic, Slavic, Indian and South Asian, Chinese, Korean, Japanese, Vietnamese and
 * Filipino, Arabic, Turkish and Persian, West, East and Southern African). Accents are kept as usually written; the
 * linter compares without accents. It is a net, not a census: roster names, titles and context catch the rest.
 */
const BY_ORIGIN = [
  // US, UK, Irish, Australian
  'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald',
  'Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary',
  'Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Jack',
  'Dennis Jerry Tyler Aaron Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Keith Roger',
  'Austin Sean Gerald Carl Dylan Harold Jordan Jesse Bryan Lawrence Arthur Gabriel Bruce Logan Alan Albert',
  'Elijah Wayne Randy Vincent Liam Mason Lucas Oliver Aiden Caleb Owen Luke Isaac Levi Oscar Harry Charlie',
  'Freddie Alfie Archie Theo Leo Finley Harrison Riley Connor Callum Jamie Declan Cian Oisin Ciaran Eoin Niall',
  'Ben Tom Tim Jim Dan Sam Ken Joe Tony Mike Matt Chris Nick Alex Andy Steve Dave Danny Jake Josh Zach Cody',
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret',
  'Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura',
  'Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Anne Pamela Nicole Samantha Katherine Christine Helen',
  'Rachel Carolyn Janet Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly',
  'Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice',
  'Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Kayla Denise Doris Natalie Beverly',
  'Charlotte Marie Diana Brittany Ava Mia Harper Ella Chloe Zoe Lucy Sophie Amelia Isla Poppy Freya Ellie',
  'Molly Lily Daisy Holly Evie Millie Phoebe Imogen Rosie Scarlett Layla Nora Hazel Aurora Stella Paisley',
  'Savannah Addison Brooklyn Leah Avery Riley Claire Caroline Kate Katie Megan Bethany Chelsea Jasmine Tiffany',
  'Aoife Siobhan Niamh Ciara Saoirse Sinead Orla Caoimhe Roisin Aisling Maeve Grainne',
  'Tyrone DeShawn Darnell Jamal Malik Terrell Andre Marcus Jalen Trevon Keisha LaToya Tanisha Shanice Aaliyah',
  'Imani Jada Kiara Ebony Destiny Deja Nia',
  // Spanish, Latin American, Portuguese
  'José Juan Luis Carlos Jorge Miguel Pedro Alejandro Diego Javier Manuel Francisco Antonio Rafael Fernando',
  'Ricardo Sergio Andrés Pablo Mateo Santiago Sebastián Emilio Hugo Raúl Ramón Eduardo Alberto Roberto Jesús',
  'Héctor Óscar Gonzalo Ignacio Joaquín Tomás Nicolás Martín Rodrigo Arturo Enrique Alfonso Esteban Gustavo',
  'Gabriela María Carmen Ana Lucía Sofía Valentina Isabel Elena Paula Marta Camila Daniela Mariana Fernanda',
  'Ximena Guadalupe Rosa Luz Pilar Dolores Beatriz Alejandra Adriana Claudia Verónica Esperanza Inés Catalina',
  'Paloma Marisol Yolanda Consuelo Rocío Alba Nuria Noelia Lorena Silvia Valeria Renata Juliana Natalia',
  'João Gonçalo Rui Tiago Thiago Vitor Bruno Leonardo Rafaela Beatriz Larissa Letícia Fernanda Bianca',
  // French, Italian, German, Dutch, Nordic
  'Pierre Louis Antoine Mathieu Nicolas Julien Guillaume Étienne François Théo Hugo Baptiste Clément Maxime',
  'Camille Manon Léa Chloé Juliette Margaux Élodie Amélie Céline Mathilde Inès Océane Clémence Aurélie',
  'Marco Luca Matteo Giovanni Giuseppe Alessandro Lorenzo Francesco Davide Simone Riccardo Stefano Andrea',
  'Giulia Francesca Chiara Sara Alessia Martina Giorgia Federica Elisa Valentina Beatrice Serena Ilaria',
  'Lukas Jonas Felix Hans Klaus Jürgen Stefan Tobias Florian Moritz Niklas Maximilian Paul Jan Lars Sven',
  'Greta Ingrid Astrid Heidi Anja Katrin Lena Leonie Hanna Emilia Sanne Femke Anouk Daan Bram Sem Thijs',
  'Erik Anders Magnus Henrik Nils Bjorn Johan Olaf Freja Sigrid Maja Elsa Linnea Saga Ebba',
  // Slavic, Greek, Eastern European
  'Ivan Dmitri Dmitry Sergei Mikhail Alexei Andrei Pavel Vladimir Nikolai Yuri Oleg Boris Igor Artem Bogdan',
  'Olga Natasha Anastasia Katya Tatiana Svetlana Irina Ekaterina Yulia Daria Polina Ksenia Sasha Mila Vera',
  'Piotr Krzysztof Tomasz Jakub Marek Agnieszka Katarzyna Magdalena Zofia Milena Nikola Luka Marija Ana',
  'Dimitris Giorgos Nikos Yannis Eleni Katerina Sophia Zoe Ioanna',
  // Indian and South Asian
  'Priya Aarav Arjun Rohan Vikram Ananya Divya Kavya Neha Pooja Rahul Raj Ravi Sanjay Sunita Anjali Aditya',
  'Ishaan Deepak Amit Anil Sunil Meera Lakshmi Nikhil Karan Kiran Krishna Arun Vijay Siddharth Shreya Riya',
  'Aditi Ishita Nisha Rani Sita Gita Asha Isha Tanvi Varun Vivek Manish Harpreet Gurpreet Simran Jaspreet',
  'Vihaan Reyansh Sai Ayaan Advait Kabir Dhruv Aryan Saanvi Aanya Diya Myra Anika Navya Pari Ira Zara',
  'Suresh Ramesh Ganesh Mahesh Rajesh Prakash Venkat Lalitha Padma Radha Savitri Fahim Tahmina Nusrat Rafiq',
  'Imran Ayesha Sana Hira Bilal Usman Faisal Zainab Sadia Anwar Farhan Tasnim',
  // Chinese, Korean, Japanese, Vietnamese, Filipino, Thai
  'Wei Ming Li Jing Hui Xin Lei Hao Jun Yu Mei Lin Fang Ying Jie Yang Tao Bo Xiao Lan Zhen Yan Qing Hua',
  'Xiaoming Xiaoyu Zihan Yuxuan Haoran Zixuan Yichen Jiahui Meiling Ling Chun Feng Ping Rui Shu',
  'Minjun Min-jun Seojun Seo-jun Jiwoo Ji-woo Jiho Ji-ho Jisoo Ji-soo Hyun Jin Soo Sung Yoon Eun Minji Seoyeon',
  'Seo-yeon Haeun Jimin Ji-min Dong-hyun Hyun-woo Jae Kyung',
  'Yuki Haruto Hiroshi Kenji Sakura Yui Aiko Akira Takumi Ren Haruka Sora Hana Yuto Riku Kaito Takeshi Naoko',
  'Kenta Daiki Emi Keiko Yoko Yumi Mariko Satoshi Taro Hinata Mio Rin',
  'Minh Linh Thanh Huong Anh Tuan Duc Hoa Mai Lan Quang Phuong Trang Thu Huy Khanh Bao Ngoc Thao Vy',
  'Jose Maricel Rizal Joseph Mark Jericho Angelica Kristine Rhea Jomar',
  'Somchai Siriporn Nattapong Ploy Kanya Arthit',
  // Arabic, Turkish, Persian, Kurdish, Somali
  'Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Omar Umar Yusuf Youssef Ibrahim Hassan Hussein Khalid',
  'Mustafa Hamza Tariq Karim Samir Nabil Rami Jamal Malik Abdullah Idris Zayd Zaid Bilal Amir Sami Faris',
  'Fatima Aisha Amina Layla Leila Mariam Maryam Noor Nour Salma Yasmin Yasmine Zainab Zahra Huda Rania Hana',
  'Dina Lina Rana Samira Nadia Amira Khadija Laila Safiya Hiba Malak Jana Reem Asma Lubna',
  'Mehmet Emre Burak Can Elif Zeynep Ayşe Esra Selin Deniz Kerem Yusuf Arda Reza Dariush Parisa Shirin',
  'Navid Arash Farhad Kian Darya Roya Ayan Abdi Hodan Ayaan Farah Warsame Nasra Hamdi',
  // West, East and Southern African
  'Kwame Kofi Ama Akosua Abena Kojo Adwoa Kwabena Efua Esi Kwesi Yaa',
  'Chinedu Chidi Chioma Ngozi Emeka Obinna Ifeoma Adaeze Nkechi Uchenna Chiamaka Chukwuemeka Nneka',
  'Oluwaseun Seun Tunde Ayodele Folake Funmilayo Yetunde Bisi Femi Tobi Kemi Bukola Damilola Adebayo',
  'Tendai Tatenda Thabo Sipho Lerato Thandiwe Zanele Nomvula Bongani Themba Lindiwe Sibusiso Palesa Kagiso',
  'Amara Zuri Jabari Kamau Wanjiru Njeri Otieno Achieng Amani Baraka Kioko Makena Wanjiku Mwangi Akinyi',
  'Abebe Tsion Selam Dawit Hana Meron Yonas Liya Aster Mamadou Moussa Fatou Aminata Awa Ousmane Ibrahima',
  'Aminata Mariama Sekou Kadiatou Binta Modou Lamine Adama',
  'Olumide Adeola Chinwe Ifeanyi Nnamdi Obiageli Oluwadamilare Temitope Ayomide Eniola Kehinde Taiwo Yemi',
  // Somali, Ethiopian, Eritrean
  'Abdirahman Abdullahi Abdirizak Abdiaziz Hibaaq Faduma Sagal Ilhan Deeqa Muna Fartun Bereket Semhar Senait',
  'Tesfaye Haile Mekdes Feven Kidus Natnael Meseret Tigist Yohannes Samrawit',
  // Mexican, Central and South American, Caribbean
  'Lupe Lupita Chuy Pepe Beto Lalo Chema Pancho Quique Itzel Xóchitl Citlali Yareli Nayeli Yesenia',
  'Araceli Maricela Yadira Anahí Jimena Jocelyn Karla Leticia Lourdes Maribel Mayra Noemí Yahir Jairo Brayan',
  'Alexis Édgar Efraín Elías Emiliano Fausto Gael Hernán Iker Isaías Jacinto Julio Leonel Mauricio',
  'Maximiliano Octavio Osvaldo Ulises Uriel Wilmer Yael Amparo Yuliana Dayana Kenia Milagros Deysi Marisela',
  'Mateus Enzo Guilherme Caio Davi Heitor Lucca Giovanna Lívia Isadora Manuela Fabiola Widline Wisler',
  'Mackenson Guerline Nerlande Kervens Dieuseul Jean-Baptiste Naomie Roodly',
  // Native American, Hawaiian, Pacific
  'Nizhoni Ahiga Doli Ayita Chayton Kiona Tala Takoda Winona Aiyana Kaya Onawa Hania Istas Kateri Tayanita',
  'Keoni Kalani Leilani Makana Malia Kealoha Noelani Iolani Kainoa Keanu Tevita Sione Mele Aroha Manaia',
  'Wiremu Hemi Ngaio Tamati Anahera Losana Sefa Talia',
  // Hmong, Lao, Cambodian, more Chinese, Korean, Vietnamese, Filipino, Japanese
  'Kou Nhia Yer Xee Chue Pao Tou Neng Yia Xiong Vang Moua Souksavanh Vilay Chanthy Sokha Sophal Dara Bopha',
  'Xiaoling Xiu Yifan Jiayi Zhiwei Yuting Kim Yuna Seojin Minseo Jiwon Taeyang Tae-yang Hyejin Sungmin',
  'Hoang Thuy Nhung Duy Khoa Phuc Dalisay Ligaya Mayumi Ryo Sota Yuma Aoi Hina Nanami Riko',
  // African American and US
  'Jaylen Jalen Jayden Jaden Kayden DaQuan Dashawn Jamari Keyshawn Tremaine Darius Demetrius Quentin',
  'Reginald Rashad Tyrell Zion Amari Nevaeh Kamari Kendrick Laquan Dajuan Tamika Latisha Kiana Jamila',
  'Makayla Janiyah Ayanna Zaria Khalil Jamar Brianna Jazmine Tatiana Alexandra Mackenzie Kaylee Brayden',
  'Colton Hayden Jaxon Grayson Easton Bentley Kinsley Brynn Everly Oakley Kamila',
  // more South Asian, Arabic, Slavic
  'Priyanka Aarush Anaya Arnav Devansh Ishan Mehul Pranav Rishi Rohit Sameer Shruti Sneha Yash Zoya Harini',
  'Karthik Keerthi Nandini Srinivas Swati Abdulrahman Amal Bashir Dalia Ghada Habib Jamil Kareem Lamia Marwan',
  'Nasser Qasim Rashid Saeed Tarek Walid Yara Yasmeen Hadi Hamid Layan Rayan Oksana Mykola Taras Yaroslav',
  'Bohdan Zlata Vasyl Aleksander Dominik Kacper Wiktoria Oliwia',
  // US, popular in the birth years of today's students (2008–2020)
  'Aubrey Zoey Lillian Aria Audrey Ariana Allison Arianna Gabriella Sadie Skylar Hailey Peyton Annabelle Madelyn',
  'Aubree Alexa Kylie Alyssa Melanie Naomi Eva Lydia Khloe Madeline Gianna Isabelle Vivian Hadley Cora Rylee',
  'Eliana Brielle Liliana Lilly Jordyn Delilah Payton Mariah Lyla Mya Mckenzie Angelina Kaitlyn Gracie Norah',
  'Elise Aliyah Vanessa Katelyn Gabrielle Arabella Valerie Josephine Eleanor Esther Penelope Jazmin',
  'Alondra Paola Leslie Jenna Kelsey Erin Meghan Erica Tanya Courtney Lindsey Kristen Jillian Tessa Maddie',
  'Kenzie Jenny Becca Gwen Wyatt Julian Landon Eli Josiah Adrian Evan Gavin Nolan Jace Ian Jaxson Ayden',
  'Nathaniel Tristan Brody Greyson Maxwell Damian Brantley Braxton Axel Bryce Jayce Bryson Emmett Kaiden Kai',
  'Malachi Rhett Emmanuel Kaleb Dominic Micah Isaiah Jeremiah Jonah Ezra Silas Asher Xavier Theodore',
] as const;

/**
 * Given names that are also everyday English words ("Will", "May", "Grace", "Mark", "Ray", "Drew"): at the start
 * of a sentence they are far more often the word than the name, so the list alone never flags them; a title before
 * them ("Miss May"), the roster or a context that makes them a person ("Hope counted", shared/note-names.ts) does.
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set(
  (
    'Will May June April August Grace Mark Bill Rose Art Faith Hope Summer Joy Autumn Winter Dawn Eve Iris Ivy ' +
    'Jade Ruby Pearl Amber Crystal Olive Violet Hazel Holly Daisy Lily Heather Sunny Sky River Storm Star Angel ' +
    'Precious Patience Honor Charity Destiny Harmony Melody Penny Sandy Cliff Glen Brook Lane Reed Wade Rich ' +
    'Guy Chase Hunter Dean Drew Gene Frank Grant Pat Sue Bob Rob Don Max Ray Robin Jay Nick Miles Norman Mason ' +
    'Christian Carol Florence Sage Jun Ram Yaw Can Deniz Saga Bo Sung Jan Jean Virginia Victoria Ebony ' +
    'Journey Liberty Lark Lucky Rocky Justice Trinity Serenity Genesis Heaven Haven Legend Reign Wren Raven ' +
    'Phoenix Ocean Meadow Willow Aspen Skye Forrest Sterling Marley Buddy Sonny Rusty Misty Ginger Honey ' +
    'Poppy Cash Colt Major Royal Rowan Dakota Cruz Paz Luz Sol Mercedes Dolores Consuelo Rocio Esperanza Marco ' +
    // Also family names, brands or words: "Mr. Carter", "a Parker pen", "Ariel font", "the Roman Empire".
    'Taylor Piper Bella Morgan Bailey Quinn Kendall Ariel Paige Brooke Luna Eden Emery ' +
    'Reese Carter Cameron Parker Cooper Carson Blake Ryder Roman Cole Weston Abel ' +
    'Wesley Everett Ashton Jude Beau Knox Jasper Shannon Whitney Dana Abby Liz Beth Meg Kat Nat Tess ' +
    'Dolly Sawyer Clara Nina Tara'
  ).split(' '),
);

/** Common given names; a word name above is flagged only by its context (shared/note-names.ts). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(BY_ORIGIN.flatMap((line) => line.split(' ')));
